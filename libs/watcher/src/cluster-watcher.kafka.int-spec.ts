import { jest } from '@jest/globals';
import { CLUSTER_RESOURCE_KINDS } from '#rollcall/domain';
import { loadKubeConfig } from '#rollcall/kube';
import {
  clusterClients,
  createSimulatedCluster,
  rolloutDone,
  waitUntil,
  type SimulatedCluster,
} from '#rollcall/kube-sim';
import { KafkaEventBus, type BusLogger } from '#rollcall/messaging';
import { uniqueTopicPrefix } from '#rollcall/testing';
import { ClusterWatcher } from './cluster-watcher.js';
import { ClusterEventCollector } from './testing/cluster-event.collector.js';

jest.setTimeout(120_000);

const quietLogger: BusLogger = { warn: () => undefined, error: () => undefined };

describe('ClusterWatcher publishing to Kafka', () => {
  const topic = `${uniqueTopicPrefix('watcher')}.cluster.v1`;
  const collector = new ClusterEventCollector();
  let cluster: SimulatedCluster;
  let bus: KafkaEventBus;
  let watcher: ClusterWatcher;

  beforeAll(async () => {
    const brokers = process.env.KAFKA_BROKERS;
    if (!brokers)
      throw new Error('KAFKA_BROKERS is not set: run through the integration project (its global setup starts Kafka)');
    cluster = await createSimulatedCluster({ nodes: 3, readyDelayMs: 20, seed: true });
    // A settled seed: a DaemonSet status still changing would be observed again after the relist.
    const seedClients = clusterClients(cluster.url);
    await waitUntil(() => rolloutDone(seedClients, 'default', 'log-collector'), Boolean);
    bus = new KafkaEventBus({ brokers: brokers.split(','), clientId: 'watcher-test', logger: quietLogger });
    watcher = new ClusterWatcher(
      { kubeConfig: loadKubeConfig({ serverUrl: cluster.url }), bus },
      { topic, topicPartitions: 3, lease: null },
    );
    await watcher.start();
    await collector.subscribe(bus, topic, `${topic}.reader`);
  });

  afterAll(async () => {
    await watcher?.stop();
    await collector.stop();
    await bus?.close();
    await cluster?.close();
  });

  it('given a seeded cluster, when the watcher starts, then the initial sync reaches Kafka keyed by node and by namespace/name', async () => {
    await collector.waitFor(
      'a completed relist of every kind',
      () => collector.ofType('ResyncCompleted').length === 5,
      60_000,
    );

    const ids = collector.events.map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(collector.ofType('ResyncCompleted').map((event) => event.data.kind))).toEqual(
      new Set(CLUSTER_RESOURCE_KINDS),
    );
    const keyOf = (type: string) =>
      collector.messages.filter((message) => message.envelope.type === type).map((m) => m.key);
    expect(keyOf('NodeObserved').sort()).toEqual(['node-0001', 'node-0002', 'node-0003']);
    expect(keyOf('PodObserved').every((key) => key.startsWith('node-'))).toBe(true);
    expect(keyOf('DaemonSetObserved')).toEqual(['default/log-collector']);
  });
});

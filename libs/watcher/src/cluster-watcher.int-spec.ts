import { jest } from '@jest/globals';
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { CLUSTER_RESOURCE_KINDS, type ObjectObservation } from '#rollcall/domain';
import { loadKubeConfig } from '#rollcall/kube';
import {
  clusterClients,
  createSimulatedCluster,
  rolloutDone,
  waitUntil,
  type SimulatedCluster,
} from '#rollcall/kube-sim';
import { InProcessEventBus, type BusLogger } from '#rollcall/messaging';
import { Registry } from 'prom-client';
import { ClusterWatcher } from './cluster-watcher.js';
import { ClusterEventCollector } from './testing/cluster-event.collector.js';

jest.setTimeout(60_000);

const TOPIC = 'test.cluster-watcher.v1';
const quietLogger: BusLogger = { warn: () => undefined, error: () => undefined };
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

describe('ClusterWatcher against the simulated cluster', () => {
  let cluster: SimulatedCluster;
  let bus: InProcessEventBus;
  let watcher: ClusterWatcher;
  const collector = new ClusterEventCollector();
  const registry = new Registry();

  /** The value of one watcher metric for the labels given (0 when that series does not exist yet). */
  const metric = async (name: string, labels: Record<string, string> = {}): Promise<number> => {
    const values = (await registry.getSingleMetric(name)?.get())?.values ?? [];
    const matching = values.filter((value) =>
      Object.entries(labels).every(([label, expected]) => value.labels[label] === expected),
    );
    return matching.reduce((total, value) => total + value.value, 0);
  };

  const completedRelists = () => collector.ofType('ResyncCompleted');
  const observations = () =>
    collector.events.filter((event): event is ObjectObservation => !event.type.startsWith('Resync'));
  const post = (path: string) => fetch(`${cluster.url}${path}`, { method: 'POST' });

  beforeAll(async () => {
    cluster = await createSimulatedCluster({ nodes: 3, readyDelayMs: 20, seed: true });
    // The relists should see the seed settled: pods that turn Ready later would still be in flight when
    // the metrics test reads its counters.
    const seedClients = clusterClients(cluster.url);
    await waitUntil(() => rolloutDone(seedClients, 'default', 'log-collector'), Boolean);
    bus = new InProcessEventBus(quietLogger);
    await bus.ensureTopics([{ name: TOPIC, partitions: 4 }]);
    await collector.subscribe(bus, TOPIC, 'watcher-test');
    watcher = new ClusterWatcher(
      { kubeConfig: loadKubeConfig({ serverUrl: cluster.url }), bus, metricsRegistry: registry },
      { topic: TOPIC, lease: null, batch: { maxBatch: 50, lingerMs: 10, capacity: 200, retryDelayMs: 50 } },
    );
    await watcher.start();
    await collector.waitFor('a completed relist of every kind', () => completedRelists().length === 5);
  });

  afterAll(async () => {
    await watcher?.stop();
    await collector.stop();
    await bus?.close();
    await cluster?.close();
  });

  it('given a seeded cluster, when the watcher starts, then each kind is relisted once with one observation per object', async () => {
    const clients = clusterClients(cluster.url);
    const pods = await clients.core.listPodForAllNamespaces();

    expect(collector.ofType('ResyncStarted').map((event) => event.data.reason)).toEqual(Array(5).fill('Start'));
    expect(new Set(completedRelists().map((event) => event.data.kind))).toEqual(new Set(CLUSTER_RESOURCE_KINDS));
    const relisted = observations().filter((event) => event.data.change === 'RELISTED');
    expect(
      relisted
        .filter((event) => event.type === 'NodeObserved')
        .map((event) => event.data.name)
        .sort(),
    ).toEqual(['node-0001', 'node-0002', 'node-0003']);
    const completedPods = completedRelists().find((event) => event.data.kind === 'Pod');
    expect(completedPods?.data.count).toBe(relisted.filter((event) => event.type === 'PodObserved').length);
    expect(completedPods?.data.partitionKeys.every((key) => key.startsWith('node-'))).toBe(true);
    expect(pods.items.length).toBeGreaterThan(0);
  });

  /**
   * Waits until everything the watcher queued was published and delivered: the last relist marker can be
   * delivered while a batch of watch events is still lingering in the publish queue.
   */
  const quiescent = async (timeoutMs = 15_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const queued = await metric('rollcall_watcher_queued_events');
      const published = await metric('rollcall_watcher_events_published_total');
      if (queued === 0 && published === collector.events.length) return;
      if (Date.now() > deadline) {
        throw new Error(
          `watcher not quiescent after ${timeoutMs} ms: ${queued} queued, ${published} published, ${collector.events.length} delivered`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('given the initial relists, when its metrics are read, then they count what it published and relisted', async () => {
    await quiescent();
    for (const kind of CLUSTER_RESOURCE_KINDS) {
      expect(await metric('rollcall_watcher_relists_total', { kind, reason: 'Start' })).toBe(1);
    }
    const published = collector.events.filter((event) => event.type === 'PodObserved').length;
    expect(await metric('rollcall_watcher_events_published_total', { type: 'PodObserved' })).toBe(published);
    expect(await metric('rollcall_watcher_events_published_total')).toBe(collector.events.length);
    expect(await metric('rollcall_watcher_leader')).toBe(1);
    expect(await metric('rollcall_watcher_queued_events')).toBe(0);
    expect(await metric('rollcall_watcher_errors_total')).toBe(0);
  });

  it('given a node change, when it is watched, then it is published on the node key after the earlier ones', async () => {
    const clients = clusterClients(cluster.url);
    await clients.core.patchNode({ name: 'node-0002', body: { metadata: { labels: { audited: 'yes' } } } }, mergePatch);

    await collector.waitFor('the labelled node', () =>
      collector.ofType('NodeObserved').some((event) => event.data.labels.audited === 'yes'),
    );
    const onNode = collector.messages.filter((message) => message.key === 'node-0002');
    const nodeVersions = onNode
      .filter((message) => message.envelope.type === 'NodeObserved')
      .map((message) => Number((message.envelope as ObjectObservation).data.resourceVersion));
    expect(nodeVersions).toEqual([...nodeVersions].sort((left, right) => left - right));
    expect(onNode.at(-1)?.envelope).toMatchObject({ type: 'NodeObserved', data: { change: 'MODIFIED' } });
  });

  it('given dropped watches, when the watcher reconnects, then it resumes without a relist or duplicate ids', async () => {
    const clients = clusterClients(cluster.url);
    const relistsBefore = collector.ofType('ResyncStarted').length;

    expect((await post('/sim/drop-watches')).status).toBe(200);
    await clients.core.patchNode({ name: 'node-0003', body: { metadata: { labels: { after: 'drop' } } } }, mergePatch);

    await collector.waitFor('the change made after the drop', () =>
      collector.ofType('NodeObserved').some((event) => event.data.labels.after === 'drop'),
    );
    expect(collector.ofType('ResyncStarted')).toHaveLength(relistsBefore);
    const ids = observations().map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('given a compacted history, when watches drop, then each kind relists (410) with markers and unchanged objects keep their ids', async () => {
    const clients = clusterClients(cluster.url);
    const idsBefore = new Set(observations().map((event) => event.id));
    await clients.core.createNamespace({ body: { metadata: { name: 'bump-revision' } } });

    expect((await post('/sim/compact')).status).toBe(200);
    expect((await post('/sim/drop-watches')).status).toBe(200);

    await collector.waitFor('a relist after 410 for every kind', () =>
      CLUSTER_RESOURCE_KINDS.every((kind) =>
        completedRelists().some((event) => event.data.kind === kind && event.data.reason === 'Gone'),
      ),
    );
    const relistIds = new Set(
      collector
        .ofType('ResyncStarted')
        .filter((event) => event.data.reason === 'Gone')
        .map((event) => event.data.relistId),
    );
    expect(relistIds.size).toBe(5);
    const relistedNodes = collector
      .ofType('NodeObserved')
      .filter((event) => event.data.change === 'RELISTED')
      .slice(3);
    expect(relistedNodes).toHaveLength(3);
    expect(relistedNodes.every((event) => idsBefore.has(event.id))).toBe(true);
    const podMarkers = collector.ofType('ResyncPartitionSeen').filter((event) => relistIds.has(event.data.relistId));
    expect(podMarkers.length).toBeGreaterThan(0);
    for (const kind of CLUSTER_RESOURCE_KINDS) {
      expect(await metric('rollcall_watcher_relists_total', { kind, reason: 'Gone' })).toBe(1);
    }
  });
});

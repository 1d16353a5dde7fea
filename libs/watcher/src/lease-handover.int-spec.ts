import { jest } from '@jest/globals';
import { CoordinationV1Api } from '@kubernetes/client-node';
import { loadKubeConfig } from '#rollcall/kube';
import { clusterClients, createSimulatedCluster, type SimulatedCluster } from '#rollcall/kube-sim';
import { InProcessEventBus, type BusLogger } from '#rollcall/messaging';
import { ClusterWatcher } from './cluster-watcher.js';
import { ClusterEventCollector } from './testing/cluster-event.collector.js';

jest.setTimeout(60_000);

const TOPIC = 'test.lease-handover.v1';
const quietLogger: BusLogger = { warn: () => undefined, error: () => undefined };
// A lease long enough that a loaded machine never lets it lapse by accident, so the handover test
// can tell a released lease (taken over at once) from an expired one (taken over after 15 s).
const lease = {
  namespace: 'default',
  name: 'watcher-test',
  leaseDurationSeconds: 15,
  retryPeriodMs: 150,
  renewDeadlineMs: 10_000,
};

describe('two ClusterWatchers sharing one Lease', () => {
  let cluster: SimulatedCluster;
  let bus: InProcessEventBus;
  const collector = new ClusterEventCollector();
  const watchers: ClusterWatcher[] = [];

  const startWatcher = async (identity: string) => {
    const watcher = new ClusterWatcher(
      { kubeConfig: loadKubeConfig({ serverUrl: cluster.url }), bus },
      { identity, topic: TOPIC, lease, batch: { maxBatch: 50, lingerMs: 10, capacity: 200, retryDelayMs: 50 } },
    );
    watchers.push(watcher);
    await watcher.start();
    return watcher;
  };

  beforeAll(async () => {
    cluster = await createSimulatedCluster({ nodes: 2, readyDelayMs: 20, seed: true });
    bus = new InProcessEventBus(quietLogger);
    await bus.ensureTopics([{ name: TOPIC, partitions: 2 }]);
    await collector.subscribe(bus, TOPIC, 'lease-test');
  });

  afterAll(async () => {
    await Promise.all(watchers.map((watcher) => watcher.stop()));
    await collector.stop();
    await bus?.close();
    await cluster?.close();
  });

  it('given two candidates, when they campaign, then exactly one publishes', async () => {
    const [first, second] = [await startWatcher('watcher-a'), await startWatcher('watcher-b')];

    await collector.waitFor('one initial sync', () => collector.ofType('ResyncCompleted').length === 5);
    await new Promise((resolve) => setTimeout(resolve, 600));

    expect([first.isPublishing, second.isPublishing].filter(Boolean)).toHaveLength(1);
    expect(collector.ofType('ResyncStarted')).toHaveLength(5);
    const coordination = clusterClients(cluster.url).kubeConfig.makeApiClient(CoordinationV1Api);
    const stored = await coordination.readNamespacedLease({ namespace: 'default', name: 'watcher-test' });
    expect(stored.spec?.holderIdentity).toBe(first.isPublishing ? 'watcher-a' : 'watcher-b');
    expect(stored.spec?.leaseDurationSeconds).toBe(lease.leaseDurationSeconds);
  });

  it('given the leader stops, when its lease is released, then the standby takes over within the lease duration', async () => {
    const leader = watchers.find((watcher) => watcher.isPublishing)!;
    const standby = watchers.find((watcher) => !watcher.isPublishing)!;
    const stoppedAt = Date.now();

    await leader.stop();
    await collector.waitFor('a relist by the standby', () => collector.ofType('ResyncCompleted').length === 10, 30_000);

    // Before the lease could have expired: the leader handed it back.
    expect(Date.now() - stoppedAt).toBeLessThan(lease.leaseDurationSeconds * 1000);
    expect(standby.isPublishing).toBe(true);
    const coordination = clusterClients(cluster.url).kubeConfig.makeApiClient(CoordinationV1Api);
    const stored = await coordination.readNamespacedLease({ namespace: 'default', name: 'watcher-test' });
    expect(stored.spec?.leaseTransitions).toBe(1);
  });
});

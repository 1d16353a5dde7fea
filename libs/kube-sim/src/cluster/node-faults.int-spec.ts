import { jest } from '@jest/globals';
import { PatchStrategy, setHeaderOptions, type V1Pod } from '@kubernetes/client-node';
import { clusterClients, type ClusterClients } from './cluster-clients.js';
import { createSimulatedCluster, type SimulatedCluster } from './create-simulated-cluster.js';
import { budgetManifest, daemonSetManifest, rolloutDone, waitUntil } from './daemonset-scenarios.js';

jest.setTimeout(30_000);

const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const readyOf = (pod: V1Pod | undefined) =>
  pod?.status?.conditions?.find((condition) => condition.type === 'Ready')?.status;

describe('simulated faults', () => {
  let cluster: SimulatedCluster;
  let clients: ClusterClients;

  beforeAll(async () => {
    cluster = await createSimulatedCluster({ nodes: 4, readyDelayMs: 100, seed: false });
    clients = clusterClients(cluster.url);
    await clients.apps.createNamespacedDaemonSet({
      namespace: 'default',
      body: daemonSetManifest('faulty', { updateStrategy: { type: 'OnDelete' } }),
    });
    await waitUntil(() => rolloutDone(clients, 'default', 'faulty'), Boolean);
  });

  afterAll(async () => {
    await cluster.close();
  });

  const podOn = async (nodeName: string) =>
    (
      await clients.core.listNamespacedPod({ namespace: 'default', fieldSelector: `spec.nodeName=${nodeName}` })
    ).items.find((pod) => pod.metadata?.deletionTimestamp === undefined);
  const replacePodOn = async (nodeName: string, image: string) => {
    await clients.apps.patchNamespacedDaemonSet(
      {
        namespace: 'default',
        name: 'faulty',
        body: { spec: { template: { spec: { containers: [{ name: 'main', image }] } } } },
      },
      mergePatch,
    );
    const old = await podOn(nodeName);
    await clients.core.deleteNamespacedPod({ namespace: 'default', name: old?.metadata?.name ?? '' });
    return waitUntil(
      () => podOn(nodeName),
      (pod) => pod !== undefined && pod.metadata?.uid !== old?.metadata?.uid,
    );
  };

  it('given a never-ready image, when the pod starts, then it runs but never becomes Ready', async () => {
    await replacePodOn('node-0001', 'busybox:never-ready');
    const pod = await waitUntil(
      () => podOn('node-0001'),
      (found) => found?.status?.phase === 'Running',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const later = await podOn('node-0001');
    expect(later?.metadata?.uid).toBe(pod?.metadata?.uid);
    expect(readyOf(later)).toBe('False');
    expect(later?.status?.containerStatuses?.[0]).toMatchObject({ ready: false, started: true, restartCount: 0 });
  });

  it('given a crashloop image, when the pod starts, then restarts climb in CrashLoopBackOff', async () => {
    await replacePodOn('node-0002', 'busybox:crashloop');
    const pod = await waitUntil(
      () => podOn('node-0002'),
      (found) => (found?.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 3,
    );
    const container = pod?.status?.containerStatuses?.[0];
    expect(container?.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(container?.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(readyOf(pod)).toBe('False');
  });

  it('given crash-looping pods and IfHealthyBudget, when a healthy pod is evicted, then the budget refuses', async () => {
    await clients.policy.createNamespacedPodDisruptionBudget({
      namespace: 'default',
      body: budgetManifest('faulty', 'faulty', 3),
    });
    await waitUntil(
      async () =>
        (await clients.policy.readNamespacedPodDisruptionBudget({ namespace: 'default', name: 'faulty' })).status,
      (status) => status?.expectedPods === 4 && status.currentHealthy === 2,
    );
    const healthy = await podOn('node-0003');
    const refused = await clients.core
      .createNamespacedPodEviction({
        namespace: 'default',
        name: healthy?.metadata?.name ?? '',
        body: { metadata: {} },
      })
      .then(
        () => 200,
        (error: { code?: number }) => error.code,
      );
    expect(refused).toBe(429);
  });

  it('given a slow node, when its pod restarts, then it becomes Ready only after the extra delay', async () => {
    cluster.nodeFaults.setSlow('node-0003', 800);
    const started = Date.now();
    await replacePodOn('node-0003', 'busybox:1.36');
    await waitUntil(
      () => podOn('node-0003'),
      (pod) => readyOf(pod) === 'True',
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    cluster.nodeFaults.setSlow('node-0003', 0);
  });

  it('given a node goes NotReady, when observed, then its pod is not Ready and comes back after recovery', async () => {
    cluster.nodeFaults.setReady('node-0004', false);
    const node = await clients.core.readNode({ name: 'node-0004' });
    expect(node.status?.conditions?.find((condition) => condition.type === 'Ready')?.status).toBe('False');
    expect(node.spec?.taints?.map((taint) => taint.effect)).toEqual(['NoSchedule', 'NoExecute']);
    await waitUntil(
      () => podOn('node-0004'),
      (pod) => readyOf(pod) === 'False',
    );

    cluster.nodeFaults.setReady('node-0004', true);
    const pod = await waitUntil(
      () => podOn('node-0004'),
      (found) => readyOf(found) === 'True',
    );
    expect(pod?.status?.phase).toBe('Running');
  });

  it('given a node vanishes, when observed, then its pod goes; restored, it gets a new pod', async () => {
    cluster.nodeFaults.vanish('node-0004');
    await waitUntil(
      () => podOn('node-0004'),
      (pod) => pod === undefined,
    );
    const ds = await waitUntil(
      () => clients.apps.readNamespacedDaemonSet({ namespace: 'default', name: 'faulty' }),
      (found) => found.status?.desiredNumberScheduled === 3,
    );
    expect(ds.status?.currentNumberScheduled).toBe(3);

    cluster.nodeFaults.restore('node-0004');
    const pod = await waitUntil(
      () => podOn('node-0004'),
      (found) => readyOf(found) === 'True',
    );
    expect(pod?.metadata?.labels?.app).toBe('faulty');
    expect((await clients.core.readNode({ name: 'node-0004' })).metadata?.labels?.['topology.kubernetes.io/zone']).toBe(
      'a',
    );
  });
});

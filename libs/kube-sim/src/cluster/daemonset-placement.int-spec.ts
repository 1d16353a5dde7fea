import { jest } from '@jest/globals';
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { clusterClients, type ClusterClients } from './cluster-clients.js';
import { createSimulatedCluster, type SimulatedCluster } from './create-simulated-cluster.js';
import { daemonSetManifest, rolloutDone, waitUntil } from './daemonset-scenarios.js';

jest.setTimeout(30_000);

const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

describe('simulated DaemonSet controller: placement', () => {
  let cluster: SimulatedCluster;
  let clients: ClusterClients;

  beforeAll(async () => {
    cluster = await createSimulatedCluster({ nodes: 6, readyDelayMs: 50, seed: false });
    clients = clusterClients(cluster.url);
    // node-0001 gets a NoSchedule taint nobody tolerates; node-0002 loses the linux label.
    await clients.core.patchNode(
      { name: 'node-0001', body: { spec: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] } } },
      mergePatch,
    );
    await clients.core.patchNode(
      { name: 'node-0002', body: { metadata: { labels: { 'kubernetes.io/os': 'windows' } } } },
      mergePatch,
    );
  });

  afterAll(async () => {
    await cluster.close();
  });

  const podsOf = async (app: string) =>
    (await clients.core.listNamespacedPod({ namespace: 'default', labelSelector: `app=${app}` })).items;

  it('given a nodeSelector and a tainted node, when the DaemonSet is created, then pods land on eligible nodes only', async () => {
    const manifest = daemonSetManifest('placed');
    manifest.spec!.template.spec!.nodeSelector = { 'kubernetes.io/os': 'linux' };
    await clients.apps.createNamespacedDaemonSet({ namespace: 'default', body: manifest });

    await waitUntil(() => rolloutDone(clients, 'default', 'placed'), Boolean);
    const pods = await podsOf('placed');
    expect(pods.map((pod) => pod.spec?.nodeName).sort()).toEqual(['node-0003', 'node-0004', 'node-0005', 'node-0006']);
    const ds = await clients.apps.readNamespacedDaemonSet({ namespace: 'default', name: 'placed' });
    expect(ds.status).toMatchObject({
      desiredNumberScheduled: 4,
      currentNumberScheduled: 4,
      numberReady: 4,
      numberAvailable: 4,
      updatedNumberScheduled: 4,
      numberMisscheduled: 0,
      observedGeneration: 1,
    });
  });

  it('given a created DaemonSet pod, when read, then it carries what the real controller sets', async () => {
    const [pod] = await podsOf('placed');
    const ds = await clients.apps.readNamespacedDaemonSet({ namespace: 'default', name: 'placed' });
    const revisions = await clients.apps.listNamespacedControllerRevision({ namespace: 'default' });
    const revision = revisions.items.find((item) => item.metadata?.ownerReferences?.[0]?.uid === ds.metadata?.uid);
    expect(revision?.revision).toBe(1);
    expect(pod.metadata?.labels).toMatchObject({
      app: 'placed',
      'controller-revision-hash': revision?.metadata?.labels?.['controller-revision-hash'],
      'pod-template-generation': '1',
    });
    expect(pod.metadata?.ownerReferences).toEqual([
      expect.objectContaining({ kind: 'DaemonSet', name: 'placed', uid: ds.metadata?.uid, controller: true }),
    ]);
    expect(pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms).toEqual(
      [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [pod.spec?.nodeName] }] }],
    );
    expect(pod.spec?.tolerations?.map((toleration) => toleration.key)).toContain('node.kubernetes.io/unreachable');
    expect(pod.status).toMatchObject({ phase: 'Running', podIP: expect.stringMatching(/^10\.24\d\./) });
    expect(pod.status?.conditions?.find((condition) => condition.type === 'Ready')?.status).toBe('True');
    expect(pod.status?.containerStatuses?.[0]).toMatchObject({ ready: true, restartCount: 0, image: 'busybox:1.36' });
  });

  it('given a node that becomes ineligible, when its labels change, then its pod goes and the status counts follow', async () => {
    await clients.core.patchNode(
      { name: 'node-0003', body: { metadata: { labels: { 'kubernetes.io/os': 'windows' } } } },
      mergePatch,
    );

    const pods = await waitUntil(
      () => podsOf('placed'),
      (items) => items.length === 3,
    );
    expect(pods.map((pod) => pod.spec?.nodeName)).not.toContain('node-0003');
    const ds = await clients.apps.readNamespacedDaemonSet({ namespace: 'default', name: 'placed' });
    expect(ds.status?.desiredNumberScheduled).toBe(3);
  });

  it('given a toleration for the taint, when the template changes, then the tainted node gets a pod', async () => {
    const tolerations = [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }];
    await clients.apps.patchNamespacedDaemonSet(
      { namespace: 'default', name: 'placed', body: { spec: { template: { spec: { tolerations } } } } },
      mergePatch,
    );

    const pods = await waitUntil(
      () => podsOf('placed'),
      (items) => items.some((pod) => pod.spec?.nodeName === 'node-0001'),
    );
    expect(pods.find((pod) => pod.spec?.nodeName === 'node-0001')?.metadata?.labels?.['pod-template-generation']).toBe(
      '2',
    );
    await waitUntil(() => rolloutDone(clients, 'default', 'placed'), Boolean);
  });

  it('given the DaemonSet is deleted, when the garbage collector runs, then its pods go too', async () => {
    await clients.apps.deleteNamespacedDaemonSet({ namespace: 'default', name: 'placed' });
    const pods = await waitUntil(
      () => podsOf('placed'),
      (items) => items.length === 0,
    );
    expect(pods).toEqual([]);
  });
});

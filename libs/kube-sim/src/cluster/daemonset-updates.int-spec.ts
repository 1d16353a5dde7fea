import { jest } from '@jest/globals';
import { PatchStrategy, setHeaderOptions, type V1Pod } from '@kubernetes/client-node';
import { clusterClients, type ClusterClients } from './cluster-clients.js';
import { createSimulatedCluster, type SimulatedCluster } from './create-simulated-cluster.js';
import { daemonSetManifest, rolloutDone, waitUntil } from './daemonset-scenarios.js';

jest.setTimeout(60_000);

const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const HASH = 'controller-revision-hash';
const isReady = (pod: V1Pod): boolean =>
  pod.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') === true &&
  pod.metadata?.deletionTimestamp === undefined;

describe('simulated DaemonSet controller: updates', () => {
  let cluster: SimulatedCluster;
  let clients: ClusterClients;

  beforeAll(async () => {
    cluster = await createSimulatedCluster({ nodes: 10, readyDelayMs: 150, seed: false });
    clients = clusterClients(cluster.url);
  });

  afterAll(async () => {
    await cluster.close();
  });

  const podsOf = async (app: string) =>
    (await clients.core.listNamespacedPod({ namespace: 'default', labelSelector: `app=${app}` })).items;
  const setImage = (name: string, image: string) =>
    clients.apps.patchNamespacedDaemonSet(
      { namespace: 'default', name, body: { spec: { template: { spec: { containers: [{ name: 'main', image }] } } } } },
      mergePatch,
    );
  const revisionsOf = async (name: string) =>
    (await clients.apps.listNamespacedControllerRevision({ namespace: 'default', labelSelector: `app=${name}` })).items
      .map((revision) => ({ hash: revision.metadata?.labels?.[HASH], revision: revision.revision }))
      .sort((left, right) => left.revision - right.revision);

  it('given RollingUpdate with maxUnavailable 2, when the image changes, then never more than 2 pods are unavailable', async () => {
    const strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2, maxSurge: 0 } };
    await clients.apps.createNamespacedDaemonSet({
      namespace: 'default',
      body: daemonSetManifest('rolling', { updateStrategy: strategy }),
    });
    await waitUntil(() => rolloutDone(clients, 'default', 'rolling'), Boolean);

    await setImage('rolling', 'busybox:1.37');
    let fewestReady = Number.POSITIVE_INFINITY;
    await waitUntil(
      async () => {
        const ready = (await podsOf('rolling')).filter(isReady).length;
        fewestReady = Math.min(fewestReady, ready);
        return rolloutDone(clients, 'default', 'rolling');
      },
      Boolean,
      20_000,
    );

    expect(fewestReady).toBeGreaterThanOrEqual(8);
    expect(fewestReady).toBeLessThan(10);
    const pods = await podsOf('rolling');
    expect(pods.map((pod) => pod.spec?.containers[0]?.image)).toEqual(Array(10).fill('busybox:1.37'));
  });

  it('given two revisions, when the old template is restored, then its revision moves forward and the hash stays', async () => {
    const [first, second] = await revisionsOf('rolling');
    expect([first?.revision, second?.revision]).toEqual([1, 2]);

    await setImage('rolling', 'busybox:1.36');
    await waitUntil(() => rolloutDone(clients, 'default', 'rolling'), Boolean, 20_000);

    expect(await revisionsOf('rolling')).toEqual([
      { hash: second?.hash, revision: 2 },
      { hash: first?.hash, revision: 3 },
    ]);
    const pods = await podsOf('rolling');
    expect(new Set(pods.map((pod) => pod.metadata?.labels?.[HASH]))).toEqual(new Set([first?.hash]));
  });

  it('given OnDelete, when the template changes, then no pod is replaced until one is evicted', async () => {
    await clients.apps.createNamespacedDaemonSet({
      namespace: 'default',
      body: daemonSetManifest('on-delete', { updateStrategy: { type: 'OnDelete' } }),
    });
    await waitUntil(() => rolloutDone(clients, 'default', 'on-delete'), Boolean);
    const before = await podsOf('on-delete');

    await setImage('on-delete', 'busybox:1.37');
    await new Promise((resolve) => setTimeout(resolve, 600));
    const untouched = await podsOf('on-delete');
    expect(untouched.map((pod) => pod.metadata?.uid).sort()).toEqual(before.map((pod) => pod.metadata?.uid).sort());
    const ds = await clients.apps.readNamespacedDaemonSet({ namespace: 'default', name: 'on-delete' });
    expect(ds.status).toMatchObject({ observedGeneration: 2, updatedNumberScheduled: 0, desiredNumberScheduled: 10 });

    const victim = before[0];
    const nodeName = victim?.spec?.nodeName;
    await clients.core.createNamespacedPodEviction({
      namespace: 'default',
      name: victim?.metadata?.name ?? '',
      body: {
        metadata: { name: victim?.metadata?.name },
        deleteOptions: { preconditions: { uid: victim?.metadata?.uid } },
      },
    });

    const newest = (await revisionsOf('on-delete')).at(-1);
    const pods = await waitUntil(
      () => podsOf('on-delete'),
      (items) =>
        items.some(
          (pod) => pod.spec?.nodeName === nodeName && pod.metadata?.labels?.[HASH] === newest?.hash && isReady(pod),
        ),
    );
    const replaced = pods.filter((pod) => pod.metadata?.labels?.[HASH] === newest?.hash);
    expect(replaced.map((pod) => [pod.spec?.nodeName, pod.spec?.containers[0]?.image])).toEqual([
      [nodeName, 'busybox:1.37'],
    ]);
    expect(replaced[0]?.metadata?.labels?.['pod-template-generation']).toBe('2');
  });
});

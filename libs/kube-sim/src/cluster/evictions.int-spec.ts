import { jest } from '@jest/globals';
import { ApiException, type V1Pod } from '@kubernetes/client-node';
import { clusterClients, type ClusterClients } from './cluster-clients.js';
import { createSimulatedCluster, type SimulatedCluster } from './create-simulated-cluster.js';
import { budgetManifest, daemonSetManifest, rolloutDone, waitUntil } from './daemonset-scenarios.js';

jest.setTimeout(30_000);

interface StatusBody {
  code: number;
  reason: string;
  message: string;
  details?: { causes?: { reason?: string; message?: string }[] };
}

describe('simulated eviction subresource with PodDisruptionBudgets', () => {
  let cluster: SimulatedCluster;
  let clients: ClusterClients;

  beforeAll(async () => {
    cluster = await createSimulatedCluster({ nodes: 5, readyDelayMs: 100, seed: false });
    clients = clusterClients(cluster.url);
    await clients.apps.createNamespacedDaemonSet({ namespace: 'default', body: daemonSetManifest('guarded') });
    await clients.policy.createNamespacedPodDisruptionBudget({
      namespace: 'default',
      body: budgetManifest('guarded', 'guarded', 4),
    });
    await waitUntil(() => rolloutDone(clients, 'default', 'guarded'), Boolean);
    await waitUntil(budgetStatus, (status) => status?.disruptionsAllowed === 1);
  });

  afterAll(async () => {
    await cluster.close();
  });

  async function budgetStatus() {
    return (await clients.policy.readNamespacedPodDisruptionBudget({ namespace: 'default', name: 'guarded' })).status;
  }
  const pods = async () =>
    (await clients.core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=guarded' })).items;
  const evict = (pod: V1Pod | undefined, dryRun?: string) =>
    clients.core.createNamespacedPodEviction({
      namespace: 'default',
      name: pod?.metadata?.name ?? '',
      dryRun,
      body: { metadata: { name: pod?.metadata?.name }, deleteOptions: { preconditions: { uid: pod?.metadata?.uid } } },
    });
  const refusal = async (attempt: Promise<unknown>): Promise<StatusBody> => {
    const error = await attempt.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (!(error instanceof ApiException)) throw new Error(`expected an ApiException, got ${String(error)}`);
    return (typeof error.body === 'string' ? JSON.parse(error.body) : error.body) as StatusBody;
  };

  it('given a PDB with minAvailable 4 over 5 ready pods, when read, then its status has the real arithmetic', async () => {
    const pdb = await clients.policy.readNamespacedPodDisruptionBudget({ namespace: 'default', name: 'guarded' });
    expect(pdb.status).toMatchObject({ currentHealthy: 5, desiredHealthy: 4, expectedPods: 5, disruptionsAllowed: 1 });
    expect(pdb.status?.observedGeneration).toBe(pdb.metadata?.generation);
  });

  it('given one disruption allowed, when a dry run evicts, then nothing changes', async () => {
    const [first] = await pods();
    await evict(first, 'All');
    expect((await pods()).map((pod) => pod.metadata?.uid)).toContain(first?.metadata?.uid);
    expect((await budgetStatus())?.disruptionsAllowed).toBe(1);
  });

  it('given one disruption allowed, when two pods are evicted back to back, then the second gets 429 DisruptionBudget', async () => {
    const [first, second] = await pods();
    await evict(first);
    const refused = await refusal(evict(second));

    expect(refused).toMatchObject({
      code: 429,
      reason: 'TooManyRequests',
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
    });
    expect(refused.details?.causes).toEqual([
      expect.objectContaining({ reason: 'DisruptionBudget', message: expect.stringContaining('needs 4 healthy pods') }),
    ]);
  });

  it('given the evicted pod was replaced and is ready, when evicting again, then the budget allows it', async () => {
    await waitUntil(budgetStatus, (status) => status?.currentHealthy === 5 && status.disruptionsAllowed === 1);
    const [, second] = await pods();
    await expect(evict(second)).resolves.toBeDefined();
  });

  it('given a stale uid precondition, when evicting, then the server answers 409', async () => {
    const [pod] = await pods();
    const stale = { ...pod, metadata: { ...pod?.metadata, uid: 'not-the-uid' } };
    expect((await refusal(evict(stale))).code).toBe(409);
  });

  it('given two PDBs selecting the pod, when evicting, then the server answers 500', async () => {
    // All pods Ready again: a Pending replacement would be let through before the PDBs are counted.
    await waitUntil(budgetStatus, (status) => status?.currentHealthy === 5);
    await clients.policy.createNamespacedPodDisruptionBudget({
      namespace: 'default',
      body: budgetManifest('second', 'guarded', 0),
    });
    const [pod] = await pods();
    const refused = await refusal(evict(pod));
    expect(refused.code).toBe(500);
    expect(refused.message).toContain('more than one PodDisruptionBudget');
  });
});

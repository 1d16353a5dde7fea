import {
  clusterClients,
  createSimulatedCluster,
  daemonSetManifest,
  rolloutDone,
  waitUntil,
  type SimulatedCluster,
} from '#rollcall/kube-sim';

export const BENCH_NAMESPACE = 'default';

/** `nodes` nodes and `daemonSets` DaemonSets whose pods are all Running and Ready. */
export async function startBenchCluster(nodes: number, daemonSets: number): Promise<SimulatedCluster> {
  const cluster = await createSimulatedCluster({ nodes, readyDelayMs: 100, seed: false });
  const clients = clusterClients(cluster.url);
  const names = Array.from({ length: daemonSets }, (_, index) => `ingest-${index}`);
  for (const name of names) {
    await clients.apps.createNamespacedDaemonSet({ namespace: BENCH_NAMESPACE, body: daemonSetManifest(name) });
  }
  const allDone = async () =>
    (await Promise.all(names.map((name) => rolloutDone(clients, BENCH_NAMESPACE, name)))).every(Boolean);
  await waitUntil(allDone, Boolean, 180_000);
  return cluster;
}

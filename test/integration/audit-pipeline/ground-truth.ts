import type { ClusterStore, KubeObject } from '#rollcall/kube-sim';
import type { Pool } from 'pg';

type Rows = Map<string, string>;

interface PodWire extends KubeObject {
  spec?: { nodeName?: string };
  status?: { conditions?: { type: string; status: string }[] };
}

const daemonSetOwner = (object: KubeObject): string | undefined =>
  object.metadata.ownerReferences?.find((owner) => owner.kind === 'DaemonSet' && owner.controller)?.name;

function clusterRows(store: ClusterStore): { nodes: Rows; daemonSets: Rows; pods: Rows } {
  const nodes: Rows = new Map(
    store.list('nodes').items.map((node) => [node.metadata.name ?? '', JSON.stringify([node.metadata.uid])]),
  );
  const daemonSets: Rows = new Map(
    store
      .list('daemonsets')
      .items.map((ds) => [
        `${ds.metadata.namespace}/${ds.metadata.name}`,
        JSON.stringify([ds.metadata.uid, String(ds.metadata.generation)]),
      ]),
  );
  const pods: Rows = new Map();
  for (const pod of store.list('pods').items as PodWire[]) {
    const owner = daemonSetOwner(pod);
    const node = pod.spec?.nodeName;
    if (owner === undefined || !node) continue;
    const ready = pod.status?.conditions?.some(
      (condition) => condition.type === 'Ready' && condition.status === 'True',
    );
    const revision = pod.metadata.labels?.['controller-revision-hash'] ?? null;
    pods.set(
      `${pod.metadata.namespace}/${owner}/${node}`,
      JSON.stringify([pod.metadata.name, pod.metadata.uid, revision, ready ?? false]),
    );
  }
  return { nodes, daemonSets, pods };
}

async function projectedRows(pool: Pool): Promise<{ nodes: Rows; daemonSets: Rows; pods: Rows }> {
  const [nodes, daemonSets, pods] = await Promise.all([
    pool.query<{ name: string; uid: string }>('SELECT name, uid FROM nodes WHERE deleted_at IS NULL'),
    pool.query<{ namespace: string; name: string; uid: string; generation: string }>(
      'SELECT namespace, name, uid, generation FROM daemonsets WHERE deleted_at IS NULL',
    ),
    pool.query<{ key: string; pod_name: string; pod_uid: string; revision_hash: string | null; ready: boolean }>(
      `SELECT namespace || '/' || daemonset || '/' || node AS key, pod_name, pod_uid, revision_hash, ready
         FROM daemonset_node_state WHERE deleted_at IS NULL`,
    ),
  ]);
  return {
    nodes: new Map(nodes.rows.map((row) => [row.name, JSON.stringify([row.uid])])),
    daemonSets: new Map(
      daemonSets.rows.map((row) => [`${row.namespace}/${row.name}`, JSON.stringify([row.uid, row.generation])]),
    ),
    pods: new Map(
      pods.rows.map((row) => [row.key, JSON.stringify([row.pod_name, row.pod_uid, row.revision_hash, row.ready])]),
    ),
  };
}

const differences = (table: string, expected: Rows, actual: Rows): string[] =>
  [...new Set([...expected.keys(), ...actual.keys()])]
    .filter((key) => expected.get(key) !== actual.get(key))
    .map((key) => `${table} ${key}: cluster ${expected.get(key) ?? 'none'}, projected ${actual.get(key) ?? 'none'}`);

/**
 * Where the projections differ from the simulator's objects: live nodes (uid), DaemonSets (uid,
 * generation) and per-node DaemonSet pods (name, uid, revision hash, readiness). Empty when equal.
 */
export async function projectionDrift(pool: Pool, store: ClusterStore): Promise<string[]> {
  const cluster = clusterRows(store);
  const projected = await projectedRows(pool);
  return [
    ...differences('node', cluster.nodes, projected.nodes),
    ...differences('daemonset', cluster.daemonSets, projected.daemonSets),
    ...differences('pod', cluster.pods, projected.pods),
  ];
}

/** Counts of what the simulator holds now, so a test can show its churn was not trivial. */
export function clusterSize(store: ClusterStore): { nodes: number; daemonSetPods: number } {
  const { nodes, pods } = clusterRows(store);
  return { nodes: nodes.size, daemonSetPods: pods.size };
}

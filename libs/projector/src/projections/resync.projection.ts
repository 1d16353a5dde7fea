import type { ClusterResourceKind, ResyncCompleted, ResyncPartitionSeen } from '#rollcall/domain';
import type { PoolClient } from 'pg';
import type { GapSource, VanishedObject } from './detected-gap.js';
import { resourceVersionOf } from './resource-version.js';

interface KindTable {
  readonly table: string;
  /** SQL for the partition key of a row of `alias` (what the watcher keys this kind by). */
  readonly keyOf: (alias: string) => string;
  readonly uidColumn: string;
}

const namespacedKey = (alias: string): string => `${alias}.namespace || '/' || ${alias}.name`;

export const kindTables: Record<ClusterResourceKind, KindTable> = {
  Node: { table: 'nodes', keyOf: (alias) => `${alias}.name`, uidColumn: 'uid' },
  Pod: { table: 'daemonset_node_state', keyOf: (alias) => `${alias}.node`, uidColumn: 'pod_uid' },
  DaemonSet: { table: 'daemonsets', keyOf: namespacedKey, uidColumn: 'uid' },
  ControllerRevision: { table: 'controller_revisions', keyOf: namespacedKey, uidColumn: 'uid' },
  PodDisruptionBudget: { table: 'pdbs', keyOf: namespacedKey, uidColumn: 'uid' },
};

export const gapSourceOf = (marker: ResyncPartitionSeen | ResyncCompleted): GapSource => ({
  markerId: marker.id,
  kind: marker.data.kind,
  relistId: marker.data.relistId,
  partitionKey: marker.type === 'ResyncPartitionSeen' ? marker.data.partitionKey : null,
  occurredAt: marker.occurredAt,
  observedAt: marker.observedAt,
  correlationId: marker.correlationId,
});

/** Rows under the marker's key whose object the relist did not see; the marker follows the key's observations. */
export async function applyPartitionSeen(client: PoolClient, marker: ResyncPartitionSeen): Promise<VanishedObject[]> {
  const { table, keyOf, uidColumn } = kindTables[marker.data.kind];
  const result = await client.query<VanishedObject>(
    `UPDATE ${table} t SET deleted_at = $3
      WHERE t.deleted_at IS NULL AND ${keyOf('t')} = $1 AND t.${uidColumn} <> ALL($2::text[])
      RETURNING ${keyOf('t')} AS key, t.${uidColumn} AS uid`,
    [marker.data.partitionKey, marker.data.uids, marker.occurredAt],
  );
  return result.rows;
}

/**
 * Rows under keys the relist did not see at all. Other keys travel on other partitions, so only rows
 * last observed at or before the list's resourceVersion are stale; a newer one was created after it.
 * The completion is kept so observations that arrive later are judged the same way.
 */
export async function applyResyncCompleted(client: PoolClient, marker: ResyncCompleted): Promise<VanishedObject[]> {
  const { table, keyOf, uidColumn } = kindTables[marker.data.kind];
  if (resourceVersionOf(marker.data.resourceVersion) === null) return [];
  await client.query(
    `INSERT INTO resync_completions AS c (kind, relist_id, resource_version, partition_keys, marker_id, correlation_id, occurred_at, observed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (kind) DO UPDATE SET relist_id = excluded.relist_id, resource_version = excluded.resource_version,
       partition_keys = excluded.partition_keys, marker_id = excluded.marker_id, correlation_id = excluded.correlation_id,
       occurred_at = excluded.occurred_at, observed_at = excluded.observed_at
     WHERE excluded.resource_version > c.resource_version`,
    [
      marker.data.kind,
      marker.data.relistId,
      marker.data.resourceVersion,
      marker.data.partitionKeys,
      marker.id,
      marker.correlationId,
      marker.occurredAt,
      marker.observedAt,
    ],
  );
  const result = await client.query<VanishedObject>(
    `UPDATE ${table} t SET deleted_at = $3
      WHERE t.deleted_at IS NULL AND ${keyOf('t')} <> ALL($1::text[]) AND t.resource_version <= $2::bigint
      RETURNING ${keyOf('t')} AS key, t.${uidColumn} AS uid`,
    [marker.data.partitionKeys, marker.data.resourceVersion, marker.occurredAt],
  );
  return result.rows;
}

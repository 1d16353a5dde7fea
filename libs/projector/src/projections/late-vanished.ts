import type { ClusterResourceKind } from '#rollcall/domain';
import type { PoolClient } from 'pg';
import type { DetectedGap } from './detected-gap.js';
import { kindTables } from './resync.projection.js';

interface LateRow {
  key: string;
  uid: string;
  marker_id: string;
  relist_id: string;
  correlation_id: string;
  occurred_at: Date;
  observed_at: Date;
}

/**
 * After observations of `keys` were upserted: those no newer than the kind's last completed relist,
 * under keys that relist did not see, describe objects already gone, so they are tombstoned.
 */
export async function tombstoneLateArrivals(
  client: PoolClient,
  kind: ClusterResourceKind,
  keys: readonly string[],
): Promise<DetectedGap | null> {
  const { table, keyOf, uidColumn } = kindTables[kind];
  // The keys the relist did not see come first, by a hashed set difference: a relist of thousands of
  // keys is read once per statement, not scanned once per projection row under the batch's keys.
  const result = await client.query<LateRow>(
    `WITH c AS (SELECT * FROM resync_completions WHERE kind = $1),
          unseen AS (SELECT key FROM unnest($2::text[]) AS k(key) EXCEPT SELECT unnest(partition_keys) FROM c)
     UPDATE ${table} t SET deleted_at = c.occurred_at FROM c, unseen
      WHERE t.deleted_at IS NULL AND ${keyOf('t')} = unseen.key AND t.resource_version <= c.resource_version
      RETURNING ${keyOf('t')} AS key, t.${uidColumn} AS uid, c.marker_id, c.relist_id, c.correlation_id,
        c.occurred_at, c.observed_at`,
    [kind, keys],
  );
  if (result.rows.length === 0) return null;
  const first = result.rows[0];
  return {
    source: {
      markerId: first.marker_id,
      kind,
      relistId: first.relist_id,
      partitionKey: null,
      occurredAt: first.occurred_at.toISOString(),
      observedAt: first.observed_at.toISOString(),
      correlationId: first.correlation_id,
    },
    vanished: result.rows.map(({ key, uid }) => ({ key, uid })),
  };
}

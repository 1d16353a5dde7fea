import type { PartitionPosition } from '#rollcall/messaging';
import type { Pool, PoolClient } from 'pg';

export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** How `lockPositions` names a partition in its answer. */
export const positionKeyOf = ({ topic, partition }: TopicPartition) => `${topic}/${partition}`;

/** The stored positions of a group for the assigned partitions, for `positionsOnAssign`. */
export async function storedPositions(
  pool: Pool,
  groupId: string,
  assigned: readonly TopicPartition[],
): Promise<PartitionPosition[]> {
  const found = await pool.query<{ topic: string; partition: number; next_offset: string }>(
    `SELECT p.topic, p.partition, p.next_offset FROM consumer_positions p
       JOIN unnest($2::text[], $3::int[]) AS a(topic, partition) USING (topic, partition)
      WHERE p.group_id = $1`,
    [groupId, assigned.map((tp) => tp.topic), assigned.map((tp) => tp.partition)],
  );
  return found.rows.map((row) => ({ topic: row.topic, partition: row.partition, offset: row.next_offset }));
}

/**
 * Locks the partitions' position rows for this transaction, in a fixed order, and returns the next
 * offset to apply of each (by `topic/partition`); the lock also keeps a stale group member that still
 * holds a batch from applying it twice.
 */
export async function lockPositions(
  client: PoolClient,
  groupId: string,
  partitions: readonly TopicPartition[],
): Promise<Map<string, bigint>> {
  // One round trip: ON CONFLICT DO UPDATE row-locks an existing row just as SELECT ... FOR UPDATE would.
  const rows = await client.query<{ topic: string; partition: number; next_offset: string }>(
    `INSERT INTO consumer_positions (group_id, topic, partition, next_offset)
     SELECT $1, topic, partition, 0 FROM unnest($2::text[], $3::int[]) AS p(topic, partition) ORDER BY topic, partition
     ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = consumer_positions.next_offset
     RETURNING topic, partition, next_offset`,
    [groupId, partitions.map((tp) => tp.topic), partitions.map((tp) => tp.partition)],
  );
  return new Map(rows.rows.map((row) => [positionKeyOf(row), BigInt(row.next_offset)]));
}

export async function storePositions(
  client: PoolClient,
  groupId: string,
  positions: readonly (TopicPartition & { readonly nextOffset: bigint })[],
): Promise<void> {
  await client.query(
    `UPDATE consumer_positions c SET next_offset = greatest(c.next_offset, p.next_offset), updated_at = now()
       FROM unnest($2::text[], $3::int[], $4::bigint[]) AS p(topic, partition, next_offset)
      WHERE c.group_id = $1 AND c.topic = p.topic AND c.partition = p.partition`,
    [
      groupId,
      positions.map((position) => position.topic),
      positions.map((position) => position.partition),
      positions.map((position) => position.nextOffset.toString()),
    ],
  );
}

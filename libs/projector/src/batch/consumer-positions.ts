import type { PartitionPosition } from '#rollcall/messaging';
import type { Pool, PoolClient } from 'pg';

/** The stored positions of a group for the assigned partitions, for `positionsOnAssign`. */
export async function storedPositions(
  pool: Pool,
  groupId: string,
  assigned: readonly { topic: string; partition: number }[],
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
 * Locks the partition's position row for this transaction and returns the next offset to apply;
 * the lock also keeps a stale group member that still holds the batch from applying it twice.
 */
export async function lockPosition(
  client: PoolClient,
  groupId: string,
  topic: string,
  partition: number,
): Promise<bigint> {
  // One round trip: ON CONFLICT DO UPDATE row-locks an existing row just as SELECT ... FOR UPDATE would.
  const row = await client.query<{ next_offset: string }>(
    `INSERT INTO consumer_positions (group_id, topic, partition, next_offset) VALUES ($1, $2, $3, 0)
     ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = consumer_positions.next_offset
     RETURNING next_offset`,
    [groupId, topic, partition],
  );
  return BigInt(row.rows[0].next_offset);
}

export async function storePosition(
  client: PoolClient,
  groupId: string,
  topic: string,
  partition: number,
  nextOffset: bigint,
): Promise<void> {
  await client.query(
    `UPDATE consumer_positions SET next_offset = greatest(next_offset, $4::bigint), updated_at = now()
      WHERE group_id = $1 AND topic = $2 AND partition = $3`,
    [groupId, topic, partition, nextOffset.toString()],
  );
}

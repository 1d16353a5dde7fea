import { EMPTY_CHAIN_HEAD, type ChainHead, type HistoryEntry } from '#rollcall/domain';
import type { Pool, PoolClient } from 'pg';

const recordColumns =
  'chain text, seq bigint, event_id text, type text, schema_version integer, occurred_at timestamptz, ' +
  'observed_at timestamptz, recorded_at timestamptz, node text, namespace text, daemonset text, rollout_id text, ' +
  'actor jsonb, correlation_id text, causation_id text, data jsonb, prev_hash text, hash text';

const columnNames = recordColumns.replace(/ [a-z]+(,|$)/g, '$1');

/**
 * Locks the chain's head for this transaction (creating it for a new chain) and finds which of
 * `eventIds` the chain already holds, in one round trip: ON CONFLICT DO UPDATE row-locks an
 * existing head just as SELECT ... FOR UPDATE would.
 */
export async function openChain(
  client: PoolClient,
  chain: string,
  eventIds: readonly string[],
): Promise<{ head: ChainHead; recorded: Set<string> }> {
  const opened = await client.query<{ last_seq: string; last_hash: string; recorded: string[] }>(
    `WITH head AS (
       INSERT INTO history_chain_heads (chain, last_seq, last_hash) VALUES ($1, $2, $3)
       ON CONFLICT (chain) DO UPDATE SET last_seq = history_chain_heads.last_seq
       RETURNING last_seq, last_hash)
     SELECT head.last_seq, head.last_hash,
            ARRAY(SELECT event_id FROM history_chain_entries WHERE chain = $1 AND event_id = ANY($4::text[])) AS recorded
       FROM head`,
    [chain, EMPTY_CHAIN_HEAD.seq, EMPTY_CHAIN_HEAD.hash, eventIds],
  );
  const row = opened.rows[0];
  return { head: { seq: Number(row.last_seq), hash: row.last_hash }, recorded: new Set(row.recorded) };
}

/** Appends linked entries (index and history rows) and moves the head; the caller holds the head lock. */
export async function appendEntries(
  client: PoolClient,
  chain: string,
  entries: readonly HistoryEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const records = entries.map((entry) => ({
    chain: entry.chain,
    seq: entry.seq,
    event_id: entry.eventId,
    type: entry.type,
    schema_version: entry.schemaVersion,
    occurred_at: entry.occurredAt,
    observed_at: entry.observedAt,
    recorded_at: entry.recordedAt,
    node: entry.node,
    namespace: entry.namespace,
    daemonset: entry.daemonset,
    rollout_id: entry.rolloutId,
    actor: entry.actor,
    correlation_id: entry.correlationId,
    causation_id: entry.causationId,
    data: entry.data,
    prev_hash: entry.prevHash,
    hash: entry.hash,
  }));
  const last = entries[entries.length - 1];
  // One round trip: data-modifying CTEs all run to completion, in one statement of the caller's transaction.
  await client.query(
    `WITH r AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${recordColumns})),
          indexed AS (INSERT INTO history_chain_entries (chain, seq, event_id) SELECT chain, seq, event_id FROM r),
          recorded AS (INSERT INTO history (${columnNames}) SELECT ${columnNames} FROM r)
     UPDATE history_chain_heads SET last_seq = $3, last_hash = $4, updated_at = now() WHERE chain = $2`,
    [JSON.stringify(records), chain, last.seq, last.hash],
  );
}

/** Monthly partitions from `from` on; outside the batch transaction, as creating one locks the parent table. */
export async function ensureHistoryPartitions(pool: Pool, from: Date, months: number): Promise<void> {
  await pool.query('SELECT ensure_history_partitions($1, $2)', [from, months]);
}

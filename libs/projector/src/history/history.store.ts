import { EMPTY_CHAIN_HEAD, type ChainHead, type HistoryEntry } from '#rollcall/domain';
import type { Pool, PoolClient } from 'pg';

const recordColumns =
  'chain text, seq bigint, event_id text, type text, schema_version integer, occurred_at timestamptz, ' +
  'observed_at timestamptz, recorded_at timestamptz, node text, namespace text, daemonset text, rollout_id text, ' +
  'actor jsonb, correlation_id text, causation_id text, data jsonb, prev_hash text, hash text';

const columnNames = recordColumns.replace(/ [a-z]+(,|$)/g, '$1');

export interface OpenedChain {
  readonly head: ChainHead;
  /** The event ids asked about that the chain already holds. */
  readonly recorded: Set<string>;
}

/**
 * Locks the heads of the chains for this transaction, in chain order (creating new ones), and finds
 * which of each chain's event ids it already holds, in one round trip: ON CONFLICT DO UPDATE
 * row-locks an existing head just as SELECT ... FOR UPDATE would.
 */
export async function openChains(
  client: PoolClient,
  chains: readonly { readonly chain: string; readonly eventIds: readonly string[] }[],
): Promise<Map<string, OpenedChain>> {
  const asked = chains.flatMap(({ chain, eventIds }) => eventIds.map((eventId) => ({ chain, eventId })));
  const opened = await client.query<{ chain: string; last_seq: string; last_hash: string; recorded: string[] }>(
    `WITH heads AS (
       INSERT INTO history_chain_heads (chain, last_seq, last_hash)
       SELECT chain, $2, $3 FROM unnest($1::text[]) AS c(chain) ORDER BY chain
       ON CONFLICT (chain) DO UPDATE SET last_seq = history_chain_heads.last_seq
       RETURNING chain, last_seq, last_hash),
     recorded AS (
       SELECT e.chain, e.event_id FROM history_chain_entries e
         JOIN unnest($4::text[], $5::text[]) AS a(chain, event_id) USING (chain, event_id))
     SELECT heads.chain, heads.last_seq, heads.last_hash,
            ARRAY(SELECT event_id FROM recorded WHERE recorded.chain = heads.chain) AS recorded
       FROM heads`,
    [
      [...new Set(chains.map(({ chain }) => chain))],
      EMPTY_CHAIN_HEAD.seq,
      EMPTY_CHAIN_HEAD.hash,
      asked.map(({ chain }) => chain),
      asked.map(({ eventId }) => eventId),
    ],
  );
  return new Map(
    opened.rows.map((row) => [
      row.chain,
      { head: { seq: Number(row.last_seq), hash: row.last_hash }, recorded: new Set(row.recorded) },
    ]),
  );
}

/** Appends linked entries (index and history rows) of any chains and moves their heads; the caller holds the head locks. */
export async function appendEntries(client: PoolClient, entries: readonly HistoryEntry[]): Promise<void> {
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
  const lastOfChain = new Map(
    entries.map((entry) => [entry.chain, { chain: entry.chain, seq: entry.seq, hash: entry.hash }]),
  );
  // One round trip: data-modifying CTEs all run to completion, in one statement of the caller's transaction.
  await client.query(
    `WITH r AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${recordColumns})),
          indexed AS (INSERT INTO history_chain_entries (chain, seq, event_id) SELECT chain, seq, event_id FROM r),
          recorded AS (INSERT INTO history (${columnNames}) SELECT ${columnNames} FROM r)
     UPDATE history_chain_heads h SET last_seq = l.seq, last_hash = l.hash, updated_at = now()
       FROM jsonb_to_recordset($2::jsonb) AS l(chain text, seq bigint, hash text)
      WHERE h.chain = l.chain`,
    [JSON.stringify(records), JSON.stringify([...lastOfChain.values()])],
  );
}

/** Monthly partitions from `from` on; outside the batch transaction, as creating one locks the parent table. */
export async function ensureHistoryPartitions(pool: Pool, from: Date, months: number): Promise<void> {
  await pool.query('SELECT ensure_history_partitions($1, $2)', [from, months]);
}

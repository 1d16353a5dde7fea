import { verifyChain, type ChainHead, type ChainVerification, type HistoryEntry } from '#rollcall/domain';
import type { Actor } from '#rollcall/domain';
import type { Pool } from 'pg';

export interface HistoryRow {
  chain: string;
  seq: string;
  event_id: string;
  type: string;
  schema_version: number;
  occurred_at: Date;
  observed_at: Date;
  recorded_at: Date;
  node: string | null;
  namespace: string | null;
  daemonset: string | null;
  rollout_id: string | null;
  actor: Actor | null;
  correlation_id: string;
  causation_id: string | null;
  data: unknown;
  prev_hash: string;
  hash: string;
}

export function historyEntryOf(row: HistoryRow): HistoryEntry {
  return {
    chain: row.chain,
    seq: Number(row.seq),
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    occurredAt: row.occurred_at.toISOString(),
    observedAt: row.observed_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    node: row.node,
    namespace: row.namespace,
    daemonset: row.daemonset,
    rolloutId: row.rollout_id,
    actor: row.actor,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    data: row.data,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export const HISTORY_COLUMNS =
  'chain, seq, event_id, type, schema_version, occurred_at, observed_at, recorded_at, node, namespace, daemonset, ' +
  'rollout_id, actor, correlation_id, causation_id, data, prev_hash, hash';

export async function readChain(pool: Pool, chain: string): Promise<HistoryEntry[]> {
  const rows = await pool.query<HistoryRow>(`SELECT ${HISTORY_COLUMNS} FROM history WHERE chain = $1 ORDER BY seq`, [
    chain,
  ]);
  return rows.rows.map(historyEntryOf);
}

/** Verifies a whole chain against its recorded head, so removed newest rows are caught too. */
export async function verifyStoredChain(pool: Pool, chain: string): Promise<ChainVerification> {
  const head = await pool.query<{ last_seq: string; last_hash: string }>(
    'SELECT last_seq, last_hash FROM history_chain_heads WHERE chain = $1',
    [chain],
  );
  const expectedHead: ChainHead | undefined =
    head.rows.length === 0 ? undefined : { seq: Number(head.rows[0].last_seq), hash: head.rows[0].last_hash };
  return verifyChain(await readChain(pool, chain), { expectedHead });
}

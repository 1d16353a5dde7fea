// The history query client of `timeNodeHistoryInOwnProcess`: times the queries and prints the figures as JSON.
import { createPool } from '#rollcall/postgres';
import { pino } from 'pino';
import { timeNodeHistory } from './node-history-query.js';

const settings = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const pool = createPool({
  url: settings('DATABASE_URL'),
  applicationName: 'rollcall-bench-history',
  logger: pino({ level: 'warn' }, pino.destination(2)),
  max: 1,
});
try {
  const times = await timeNodeHistory(
    pool,
    Number(settings('BENCH_NODES')),
    Number(settings('BENCH_WARMUP_QUERIES')),
    Number(settings('BENCH_QUERIES')),
  );
  process.stdout.write(`${JSON.stringify(times)}\n`);
} finally {
  await pool.end();
}

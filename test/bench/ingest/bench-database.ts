import { randomBytes } from 'node:crypto';
import { createPool, runMigrations } from '#rollcall/postgres';
import type { Pool } from 'pg';
import { pino } from 'pino';

export interface BenchDatabase {
  /** The database's own URL, for the role processes. */
  readonly url: string;
  readonly pool: Pool;
  drop(): Promise<void>;
}

/** A fresh, migrated database on the server, as the deployed roles expect one (default schema). */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  // Warnings go to stderr: stdout carries only the benchmark's JSON.
  const logger = pino({ level: 'warn' }, pino.destination(2));
  const name = `rollcall_bench_${randomBytes(4).toString('hex')}`;
  const admin = createPool({ url: serverUrl, applicationName: 'rollcall-bench', logger, max: 1 });
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await runMigrations({ url: url.toString(), logger });
  const pool = createPool({ url: url.toString(), applicationName: 'rollcall-bench', logger, max: 5 });
  return {
    url: url.toString(),
    pool,
    drop: async () => {
      await pool.end();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

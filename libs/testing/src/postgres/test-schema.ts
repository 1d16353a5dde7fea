import { randomBytes } from 'node:crypto';
import { createPool, runMigrations } from '#rollcall/postgres';
import type pg from 'pg';
import { pino } from 'pino';

export interface TestSchema {
  /** Connections whose search_path is the test's own schema, with the migrations applied. */
  readonly pool: pg.Pool;
  readonly schema: string;
  /** Ends the pool and drops the schema with everything in it. */
  drop(): Promise<void>;
}

/** A fresh, migrated schema per test file, so test files can share one server and run in parallel. */
export async function createTestSchema(url: string): Promise<TestSchema> {
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
  const schema = `test_${randomBytes(6).toString('hex')}`;
  await runMigrations({ url, schema, logger });
  const pool = createPool({ url, schema, applicationName: 'rollcall-test', logger, max: 5 });
  return {
    pool,
    schema,
    drop: async () => {
      await pool.end();
      const admin = createPool({ url, applicationName: 'rollcall-test', logger, max: 1 });
      try {
        await admin.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await admin.end();
      }
    },
  };
}

import pg from 'pg';
import type { Logger } from 'pino';

export const PG_POOL = Symbol('PgPool');

export interface PoolOptions {
  readonly url: string;
  readonly applicationName: string;
  readonly logger: Logger;
  /** Sets search_path on every connection, for tests that work in their own schema. */
  readonly schema?: string;
  readonly max?: number;
}

export function createPool(options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    application_name: options.applicationName,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    options: options.schema === undefined ? undefined : `-c search_path=${options.schema}`,
  });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', (error) => options.logger.warn({ err: error }, 'idle PostgreSQL connection failed'));
  // A checked-out client loses pg-pool's listener, so its connection dropping would crash the process;
  // its query still fails, and the pool discards the client on release.
  pool.on('connect', (client) =>
    client.on('error', (error) => options.logger.warn({ err: error }, 'PostgreSQL connection failed')),
  );
  return pool;
}

/** Resolves when PostgreSQL answers `select 1`. */
export async function pingDatabase(pool: pg.Pool): Promise<void> {
  await pool.query('select 1');
}

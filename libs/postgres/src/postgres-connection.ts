import type pg from 'pg';
import type { Logger } from 'pino';
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from './embedded/embedded-postgres.launcher.js';
import { runMigrations } from './migrations/run-migrations.js';
import { createPool, pingDatabase } from './postgres-pool.js';

export interface PostgresConnectionOptions {
  /** The database to use; absent means the embedded server kept under `dataDir`. */
  readonly databaseUrl?: string;
  readonly dataDir: string;
  readonly applicationName: string;
  readonly migrateOnStart: boolean;
  readonly logger: Logger;
}

/** The pool, and the embedded server behind it when there is one; closed in that order. */
export class PostgresConnection {
  private constructor(
    readonly pool: pg.Pool,
    readonly source: 'external' | 'embedded',
    private readonly embedded: RunningEmbeddedPostgres | undefined,
  ) {}

  static async open(options: PostgresConnectionOptions): Promise<PostgresConnection> {
    if (options.databaseUrl !== undefined) return PostgresConnection.connect(options.databaseUrl, undefined, options);
    const embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, logger: options.logger });
    try {
      return await PostgresConnection.connect(embedded.url, embedded, options);
    } catch (error) {
      await embedded.stop();
      throw error;
    }
  }

  private static async connect(
    url: string,
    embedded: RunningEmbeddedPostgres | undefined,
    options: PostgresConnectionOptions,
  ): Promise<PostgresConnection> {
    if (options.migrateOnStart) await runMigrations({ url, logger: options.logger });
    const pool = createPool({ url, applicationName: options.applicationName, logger: options.logger });
    return new PostgresConnection(pool, embedded ? 'embedded' : 'external', embedded);
  }

  ping(): Promise<void> {
    return pingDatabase(this.pool);
  }

  async close(): Promise<void> {
    await this.pool.end();
    await this.embedded?.stop();
  }
}

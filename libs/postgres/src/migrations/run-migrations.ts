import { runner } from 'node-pg-migrate';
import type { Logger } from 'pino';
import { migrationsDir } from './migrations-dir.js';

export interface RunMigrationsOptions {
  readonly url: string;
  readonly logger: Logger;
  /** Apply into this schema (created when missing) instead of `public`. */
  readonly schema?: string;
}

/** Applies the pending SQL migrations; returns the names it applied (none on a second run). */
export async function runMigrations(options: RunMigrationsOptions): Promise<string[]> {
  const logger = options.logger.child({ component: 'migrations' });
  const applied = await runner({
    databaseUrl: options.url,
    dir: migrationsDir(),
    direction: 'up',
    migrationsTable: 'pgmigrations',
    schema: options.schema,
    createSchema: options.schema !== undefined,
    checkOrder: true,
    singleTransaction: true,
    // Several replicas may start together: the later ones wait for the first instead of failing.
    advisoryLockMode: 'wait',
    logger: {
      debug: (message: string) => logger.debug(message),
      info: (message: string) => logger.debug(message),
      warn: (message: string) => logger.warn(message),
      error: (message: string) => logger.error(message),
    },
  });
  const names = applied.map((migration) => migration.name);
  logger.info({ applied: names }, names.length > 0 ? 'migrations applied' : 'schema up to date');
  return names;
}

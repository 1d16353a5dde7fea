import type { RollcallConfig } from '#rollcall/config';
import { startEmbeddedPostgres } from '#rollcall/postgres';
import type { Logger } from 'pino';

/**
 * Runs `work` against DATABASE_URL, or against the embedded server's data (started for the
 * command and stopped after it; the all-in-one must not be running on the same data then).
 */
export async function withDatabase<T>(
  config: RollcallConfig,
  logger: Logger,
  work: (url: string) => Promise<T>,
): Promise<T> {
  if (config.databaseUrl !== undefined) return work(config.databaseUrl);
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, logger });
  try {
    return await work(embedded.url);
  } finally {
    await embedded.stop();
  }
}

import { loadConfigOrExit, type RollcallConfig } from '#rollcall/config';
import { createRootLogger } from '#rollcall/observability';
import { runMigrations, startEmbeddedPostgres } from '#rollcall/postgres';
import type { Logger } from 'pino';

// `npm run migrate`: applies the pending migrations to DATABASE_URL, or to the embedded server's data.
async function migrate(config: RollcallConfig, logger: Logger): Promise<void> {
  if (config.databaseUrl !== undefined) {
    await runMigrations({ url: config.databaseUrl, logger });
    return;
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, logger });
  try {
    await runMigrations({ url: embedded.url, logger });
  } finally {
    await embedded.stop();
  }
}

const config = loadConfigOrExit();
const logger = createRootLogger({ level: config.logLevel, service: 'migrate' });
try {
  await migrate(config, logger);
  process.exit(0);
} catch (error) {
  logger.fatal({ err: error }, `Migrations failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

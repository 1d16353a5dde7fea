import { loadConfigOrExit } from '#rollcall/config';
import { createRootLogger } from '#rollcall/observability';
import { runMigrations } from '#rollcall/postgres';
import { withDatabase } from './with-database.js';

// `npm run migrate`: applies the pending migrations to DATABASE_URL, or to the embedded server's data.
const config = loadConfigOrExit();
const logger = createRootLogger({ level: config.logLevel, service: 'migrate' });
try {
  await withDatabase(config, logger, (url) => runMigrations({ url, logger }));
  process.exit(0);
} catch (error) {
  logger.fatal({ err: error }, `Migrations failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

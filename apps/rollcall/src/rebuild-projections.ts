import { loadConfigOrExit } from '#rollcall/config';
import { createRootLogger } from '#rollcall/observability';
import { runMigrations } from '#rollcall/postgres';
import { rebuildProjections } from '#rollcall/projector';
import pg from 'pg';
import { withDatabase } from './with-database.js';

// `npm run rebuild-projections`: recreates every projection from the history, in one transaction.
const config = loadConfigOrExit();
const logger = createRootLogger({ level: config.logLevel, service: 'rebuild-projections' });
try {
  const { events } = await withDatabase(config, logger, async (url) => {
    await runMigrations({ url, logger });
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      return await rebuildProjections(pool);
    } finally {
      await pool.end();
    }
  });
  logger.info({ events }, `Projections rebuilt from ${events} history events.`);
  process.exit(0);
} catch (error) {
  logger.fatal({ err: error }, `Rebuilding the projections failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

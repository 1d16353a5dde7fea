import { jest } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPool, runMigrations, startEmbeddedPostgres, type RunningEmbeddedPostgres } from '#rollcall/postgres';
import type { Pool } from 'pg';
import { pino } from 'pino';
import { waitUntil } from '#rollcall/kube-sim';
import { Pipeline } from './pipeline.fixture.js';

jest.setTimeout(240_000);

const brokers = process.env.KAFKA_BROKERS ?? '';
// Silent: the pools report every connection the restart cuts, which is the point of this test.
const logger = pino({ level: 'silent' });
const SCHEMA = 'reliability';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('audit pipeline across a PostgreSQL restart', () => {
  let dataDir: string;
  let postgres: RunningEmbeddedPostgres | undefined;
  let pool: Pool;
  let pipeline: Pipeline;

  beforeAll(async () => {
    if (!brokers) throw new Error('KAFKA_BROKERS comes from the integration global setup');
    // A server of this test's own on a persistent data directory, so it can be stopped and started again.
    dataDir = await mkdtemp(join(tmpdir(), 'rollcall-reliability-pg-'));
    postgres = await startEmbeddedPostgres({ dataDir, logger, disposable: true });
    await runMigrations({ url: postgres.url, schema: SCHEMA, logger });
    pool = createPool({ url: postgres.url, schema: SCHEMA, applicationName: 'reliability-test', logger, max: 3 });
    pipeline = await Pipeline.start(brokers);
  });

  afterAll(async () => {
    await pipeline?.close();
    await pool?.end();
    await postgres?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('given churn, when PostgreSQL stops under the running projector and starts again on its data, then the projector recovers without loss or doubles', async () => {
    const server = postgres as RunningEmbeddedPostgres;
    const projector = await pipeline.startProjector(server.url, SCHEMA);
    await pipeline.startWatcher();
    const churn = pipeline.churn();
    churn.start();
    // Some history applied before the fault, however slowly the projector starts on a loaded machine.
    const appliedBefore = await waitUntil(historyRows, (rows) => rows > 0, 60_000);
    await sleep(500);

    await server.stop();
    await sleep(3_000);
    postgres = await startEmbeddedPostgres({ dataDir, logger, disposable: true, port: server.port });
    await sleep(1_500);
    await churn.stop();
    const { drift, audit } = await pipeline.settle(pool);

    const { running, output } = projector.state;
    expect(running ? 'running' : `exited; its output:\n${output}`).toBe('running');
    expect(drift).toEqual([]);
    expect(audit).toMatchObject({ duplicated: [], missing: [], unexpected: [], broken: [] });
    expect(audit.rows).toBeGreaterThan(appliedBefore);
  });

  async function historyRows(): Promise<number> {
    return Number((await pool.query('SELECT count(*) AS n FROM history')).rows[0].n);
  }
});

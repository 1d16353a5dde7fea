import { jest } from '@jest/globals';
import {
  createTestSchema,
  startRestartableKafkaBroker,
  type RestartableKafkaBroker,
  type TestSchema,
} from '#rollcall/testing';
import { waitUntil } from '#rollcall/kube-sim';
import { Pipeline } from './pipeline.fixture.js';

jest.setTimeout(300_000);

const databaseUrl = process.env.DATABASE_URL ?? '';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('audit pipeline across a Kafka restart', () => {
  let kafka: RestartableKafkaBroker;
  let schema: TestSchema;
  let pipeline: Pipeline;

  beforeAll(async () => {
    if (!databaseUrl) throw new Error('DATABASE_URL comes from the integration global setup');
    // A broker of this test's own on a persistent data directory, so it can be stopped and started again.
    kafka = await startRestartableKafkaBroker();
    schema = await createTestSchema(databaseUrl);
    pipeline = await Pipeline.start(kafka.brokers);
  });

  afterAll(async () => {
    await pipeline?.close();
    await schema?.drop();
    await kafka?.dispose();
  });

  it('given churn, when the broker stops and starts again on its data, then watcher and projector resume without loss or doubles', async () => {
    await pipeline.startProjector(databaseUrl, schema.schema);
    await pipeline.startWatcher();
    const churn = pipeline.churn();
    churn.start();
    // Some history applied before the fault, however slowly the projector starts on a loaded machine.
    const appliedBefore = await waitUntil(historyRows, (rows) => rows > 0, 60_000);
    await sleep(500);

    await kafka.stop();
    await sleep(3_000);
    await kafka.start();
    await sleep(2_000);
    await churn.stop();
    const { drift, audit } = await pipeline.settle(schema.pool, 150_000);

    expect(drift).toEqual([]);
    expect(audit).toMatchObject({ duplicated: [], missing: [], unexpected: [], broken: [] });
    expect(audit.rows).toBeGreaterThan(appliedBefore);
  });

  async function historyRows(): Promise<number> {
    return Number((await schema.pool.query('SELECT count(*) AS n FROM history')).rows[0].n);
  }
});

import { jest } from '@jest/globals';
import { RelistTally, type Envelope } from '#rollcall/domain';
import { createTestSchema, type TestSchema } from '#rollcall/testing';
import type { PoolClient } from 'pg';
import { recordEvents } from '../batch/record-events.js';
import { ensureHistoryPartitions } from '../history/history.store.js';
import { nodeEvent, waitUntil } from '../testing/cluster-events.fixtures.js';

jest.setTimeout(60_000);

const completion = new RelistTally().closingMarkers(
  {
    kind: 'Node',
    relistId: 'r1',
    reason: 'Start',
    observedAt: '2025-01-01T01:00:00.000Z',
    correlationId: 'r',
  },
  '11',
);

/** Two partitions' batches in open transactions, so a test decides which one commits first. */
describe('a relist completion and an observation it judges, applied in concurrent transactions', () => {
  let schema: TestSchema;
  let clients: PoolClient[];

  beforeEach(async () => {
    schema = await createTestSchema(process.env.DATABASE_URL ?? '');
    await ensureHistoryPartitions(schema.pool, new Date(), 1);
    clients = [await schema.pool.connect(), await schema.pool.connect()];
    for (const client of clients) await client.query('BEGIN');
  });

  afterEach(async () => {
    for (const client of clients) {
      await client.query('ROLLBACK');
      client.release();
    }
    await schema.drop();
  });

  const apply = (client: PoolClient, chain: string, events: readonly Envelope[]) =>
    recordEvents(client, chain, events, new Date().toISOString());

  /** Starts the second batch; resolves once it has either finished or waits for the first to commit. */
  async function startBlockedOrDone(
    client: PoolClient,
    chain: string,
    events: readonly Envelope[],
  ): Promise<{ applied: Promise<number> }> {
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    let settled = false;
    const applied = apply(client, chain, events).finally(() => {
      settled = true;
    });
    const waiting = async () =>
      Number(
        (await schema.pool.query('SELECT count(*) AS n FROM pg_locks WHERE pid = $1 AND NOT granted', [pid])).rows[0].n,
      ) > 0;
    await waitUntil(async () => settled || (await waiting()), 10_000);
    return { applied };
  }

  const nodeB = async () =>
    (await schema.pool.query('SELECT deleted_at IS NOT NULL AS deleted FROM nodes WHERE name = $1', ['node-b']))
      .rows[0];
  const vanishedInGaps = async () =>
    (await schema.pool.query(`SELECT data->'vanished' AS vanished FROM history WHERE type = 'WatchGap'`)).rows.map(
      (row) => row.vanished,
    );

  it('tombstones the object when the observation is upserted first and the completion commits last', async () => {
    const [observing, completing] = clients;
    await apply(observing, 'cluster/1', [nodeEvent('node-b', 11)]);
    const completed = await startBlockedOrDone(completing, 'cluster/2', completion);
    await observing.query('COMMIT');
    await completed.applied;
    await completing.query('COMMIT');

    expect(await nodeB()).toEqual({ deleted: true });
    expect(await vanishedInGaps()).toEqual([[{ key: 'node-b', uid: 'node-b-uid' }]]);
  });

  it('tombstones the object when the completion is applied first and the observation commits last', async () => {
    const [observing, completing] = clients;
    await apply(completing, 'cluster/2', completion);
    const observed = await startBlockedOrDone(observing, 'cluster/1', [nodeEvent('node-b', 11)]);
    await completing.query('COMMIT');
    await observed.applied;
    await observing.query('COMMIT');

    expect(await nodeB()).toEqual({ deleted: true });
    expect(await vanishedInGaps()).toEqual([[{ key: 'node-b', uid: 'node-b-uid' }]]);
  });
});

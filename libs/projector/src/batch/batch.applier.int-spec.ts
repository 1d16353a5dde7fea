import { jest } from '@jest/globals';
import type { DeliveredBatch } from '#rollcall/messaging';
import { createTestSchema, podEvent, type TestSchema } from '#rollcall/testing';
import { Registry } from 'prom-client';
import { verifyStoredChain } from '../history/history.reader.js';
import { ProjectorMetrics } from '../projector.metrics.js';
import { BatchApplier, chainOf } from './batch.applier.js';

jest.setTimeout(30_000);

const TOPIC = 'rollcall.cluster.v1';
const GROUP = 'applier-test';

/** A partition's batch of `count` pod observations on one node per partition, from offset 0. */
const batchOf = (partition: number, count: number): DeliveredBatch => ({
  topic: TOPIC,
  partition,
  nextOffset: String(count),
  messages: Array.from({ length: count }, (_, index) => ({
    topic: TOPIC,
    partition,
    key: `node-${partition}`,
    offset: String(index),
    envelope: podEvent(`node-${partition}`, `pod-${partition}-${index}`, 100 * partition + index + 1, 'abc'),
  })),
});

describe('BatchApplier on PostgreSQL', () => {
  let schema: TestSchema;
  let metrics: ProjectorMetrics;
  let applier: BatchApplier;

  const historyOf = async (partition: number): Promise<number> =>
    Number(
      (await schema.pool.query('SELECT count(*) AS n FROM history WHERE chain = $1', [chainOf(TOPIC, partition)]))
        .rows[0].n,
    );
  const transactions = async (): Promise<number> =>
    (await metrics.batchDuration.get()).values.find((value) => value.metricName?.endsWith('_count'))?.value ?? 0;

  beforeEach(async () => {
    schema = await createTestSchema(process.env.DATABASE_URL ?? '');
    metrics = new ProjectorMetrics(new Registry());
    applier = new BatchApplier(schema.pool, GROUP, metrics);
  });

  afterEach(async () => schema.drop());

  it('given the batches of four partitions delivered together, then two transactions record every event once', async () => {
    const batches = [batchOf(0, 5), batchOf(1, 3), batchOf(2, 4), batchOf(3, 2)];

    await Promise.all(batches.map((batch) => applier.apply(batch)));

    expect(await transactions()).toBe(2);
    expect(await Promise.all(batches.map((batch) => historyOf(batch.partition)))).toEqual([5, 3, 4, 2]);
    const positions = await schema.pool.query<{ partition: number; next_offset: string }>(
      'SELECT partition, next_offset FROM consumer_positions WHERE group_id = $1 ORDER BY partition',
      [GROUP],
    );
    expect(positions.rows).toEqual(
      batches.map((batch) => ({ partition: batch.partition, next_offset: batch.nextOffset })),
    );
    for (const batch of batches) {
      expect(await verifyStoredChain(schema.pool, chainOf(TOPIC, batch.partition))).toMatchObject({ ok: true });
    }
  });

  it('given one partition held up, then the other transaction of the fetch commits without waiting for it', async () => {
    await schema.pool.query(
      `INSERT INTO consumer_positions (group_id, topic, partition, next_offset) VALUES ($1, $2, 0, 0), ($1, $2, 1, 0)`,
      [GROUP, TOPIC],
    );
    const blocker = await schema.pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT * FROM consumer_positions WHERE group_id = $1 AND partition = 0 FOR UPDATE', [GROUP]);

      const applying = Promise.all([applier.apply(batchOf(0, 3)), applier.apply(batchOf(1, 3))]);
      const deadline = Date.now() + 10_000;
      while ((await historyOf(1)) === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }

      expect(await historyOf(1)).toBe(3);
      expect(await historyOf(0)).toBe(0);
      await blocker.query('ROLLBACK');
      await applying;
    } finally {
      // A failed expectation must not leave the lock held: the schema's drop would wait for it.
      await blocker.query('ROLLBACK').catch(() => undefined);
      blocker.release();
    }
    expect(await historyOf(0)).toBe(3);
  });
});

import { jest } from '@jest/globals';
import { inTransaction } from '#rollcall/postgres';
import { createTestSchema, tamperBehindTriggers, type TestSchema } from '#rollcall/testing';
import { recordEvents } from '../batch/record-events.js';
import { nodeEvent } from '../testing/cluster-events.fixtures.js';
import { verifyStoredChain } from './history.reader.js';

jest.setTimeout(60_000);

const CHAIN = 'rollcall.cluster.v1/0';

describe('history tampering', () => {
  let schema: TestSchema;

  beforeEach(async () => {
    schema = await createTestSchema(process.env.DATABASE_URL ?? '');
    await schema.pool.query('SELECT ensure_history_partitions(now(), 1)');
    const events = [10, 11, 12, 13].map((version) => nodeEvent('node-a', version));
    await inTransaction(schema.pool, (client) => recordEvents(client, CHAIN, events, new Date().toISOString()));
  });

  afterEach(async () => {
    await schema.drop();
  });

  it('lets a chain head only move forward', async () => {
    await expect(schema.pool.query('DELETE FROM history_chain_heads')).rejects.toThrow(/only move forward/);
    await expect(schema.pool.query('UPDATE history_chain_heads SET last_seq = 1')).rejects.toThrow(/only move forward/);
    await expect(schema.pool.query('TRUNCATE history_chain_heads')).rejects.toThrow(/append-only/);
    expect(await verifyStoredChain(schema.pool, CHAIN)).toMatchObject({ ok: true });
  });

  it('refuses updates, deletes and truncation of the history', async () => {
    await expect(schema.pool.query(`UPDATE history SET type = 'x' WHERE seq = 2`)).rejects.toThrow(/append-only/);
    await expect(schema.pool.query('DELETE FROM history WHERE seq = 2')).rejects.toThrow(/append-only/);
    await expect(schema.pool.query('TRUNCATE history')).rejects.toThrow(/append-only/);
    expect(await verifyStoredChain(schema.pool, CHAIN)).toMatchObject({ ok: true, verified: 4 });
  });

  it('detects a row changed behind the trigger', async () => {
    await tamperBehindTriggers(
      schema.pool,
      `UPDATE history SET data = jsonb_set(data, '{ready}', 'false') WHERE seq = 2`,
    );
    expect(await verifyStoredChain(schema.pool, CHAIN)).toEqual({ ok: false, verified: 1, seq: 2, reason: 'changed' });
  });

  it('detects a row removed behind the trigger', async () => {
    await tamperBehindTriggers(schema.pool, 'DELETE FROM history WHERE seq = 3');
    expect(await verifyStoredChain(schema.pool, CHAIN)).toEqual({ ok: false, verified: 2, seq: 4, reason: 'missing' });
  });

  it('detects the newest row removed, against the chain head', async () => {
    await tamperBehindTriggers(schema.pool, 'DELETE FROM history WHERE seq = 4');
    expect(await verifyStoredChain(schema.pool, CHAIN)).toMatchObject({ ok: false, seq: 4, reason: 'truncated' });
  });
});

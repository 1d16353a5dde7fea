import { jest } from '@jest/globals';
import type { Envelope } from '#rollcall/domain';
import { inTransaction } from '#rollcall/postgres';
import { createTestSchema, type TestSchema } from '#rollcall/testing';
import { recordEvents } from '../batch/record-events.js';
import { verifyStoredChain } from './history.reader.js';

jest.setTimeout(60_000);

const CHAIN = 'rollcall.rollouts.v1/0';

const rolloutEvent = (rolloutId: string, version: number, type: string, data: object): Envelope => ({
  id: `${rolloutId}/${version}`,
  type,
  schemaVersion: 1,
  occurredAt: '2026-11-23T10:00:00.000Z',
  observedAt: '2026-11-23T10:00:00.000Z',
  correlationId: rolloutId,
  causationId: null,
  actor: null,
  data: { type, rolloutId, ...data },
});

const requested = (rolloutId: string, name: string) =>
  rolloutEvent(rolloutId, 1, 'RolloutRequested', { spec: { daemonSet: { namespace: 'ops', name } } });
const evicted = (rolloutId: string, version: number) =>
  rolloutEvent(rolloutId, version, 'NodeEvictionRequested', { node: `node-${version}` });

describe('rollout events in the history', () => {
  let schema: TestSchema;
  const record = (events: Envelope[]) =>
    inTransaction(schema.pool, (client) => recordEvents(client, CHAIN, events, new Date().toISOString()));
  const indexOf = async (eventId: string) =>
    (
      await schema.pool.query<{ namespace: string | null; daemonset: string | null }>(
        'SELECT namespace, daemonset FROM history WHERE event_id = $1',
        [eventId],
      )
    ).rows[0];

  beforeAll(async () => {
    schema = await createTestSchema(process.env.DATABASE_URL ?? '');
    await schema.pool.query('SELECT ensure_history_partitions(now(), 1)');
  });

  afterAll(async () => {
    await schema.drop();
  });

  it('given a rollout requested in an earlier batch, when its later events are recorded, then they name its DaemonSet', async () => {
    await record([requested('ro-a', 'log-collector')]);
    await record([evicted('ro-a', 2), evicted('ro-a', 3)]);

    expect(await indexOf('ro-a/1')).toEqual({ namespace: 'ops', daemonset: 'log-collector' });
    expect(await indexOf('ro-a/3')).toEqual({ namespace: 'ops', daemonset: 'log-collector' });
  });

  it('given the request and later events in one batch, then every row names the DaemonSet of its own rollout', async () => {
    await record([requested('ro-b', 'node-exporter'), evicted('ro-b', 2), evicted('ro-a', 4)]);

    expect(await indexOf('ro-b/2')).toEqual({ namespace: 'ops', daemonset: 'node-exporter' });
    expect(await indexOf('ro-a/4')).toEqual({ namespace: 'ops', daemonset: 'log-collector' });
    expect(await verifyStoredChain(schema.pool, CHAIN)).toMatchObject({ ok: true, verified: 6 });
  });

  it('given a rollout whose request was never recorded, then its events stay unindexed by DaemonSet', async () => {
    await record([evicted('ro-unknown', 2)]);

    expect(await indexOf('ro-unknown/2')).toEqual({ namespace: null, daemonset: null });
  });
});

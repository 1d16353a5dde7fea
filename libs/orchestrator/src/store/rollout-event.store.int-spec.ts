import { jest } from '@jest/globals';
import { decide, evolve, type RolloutInput, type RolloutState } from '#rollcall/domain';
import { createTestSchema, type TestSchema } from '#rollcall/testing';
import { AlreadyRecorded, ConcurrencyConflict, RolloutError, RolloutErrorCode } from '../rollout.errors.js';
import { EffectsAlreadyRecorded } from './effect-results.js';
import { RolloutEventStore } from './rollout-event.store.js';
import { rolloutRequest } from './testing/rollout-request.fixture.js';

jest.setTimeout(60_000);

describe('RolloutEventStore on PostgreSQL', () => {
  let schema: TestSchema;
  let store: RolloutEventStore;

  beforeAll(async () => {
    schema = await createTestSchema(process.env.DATABASE_URL ?? '');
    store = new RolloutEventStore(schema.pool);
  });

  afterAll(async () => {
    await schema.drop();
  });

  async function created(rolloutId: string, daemonSet = `ds-${rolloutId}`) {
    const input = rolloutRequest(rolloutId, daemonSet);
    const decision = decide(input, null);
    if ('rejected' in decision) throw new Error(decision.message);
    const stateAfter = decision.events.reduce<RolloutState>(evolve, null);
    const version = await store.append({
      rolloutId,
      expectedVersion: 0,
      events: decision.events,
      effects: decision.effects,
      actor: input.type === 'StartRollout' ? input.actor : null,
      recordedAt: new Date().toISOString(),
      stateAfter,
    });
    return { version, stateAfter };
  }

  const pause = (rolloutId: string, version: number, state: RolloutState) => {
    const input: RolloutInput = {
      type: 'PauseRollout',
      actor: { kind: 'user', id: 'bob' },
      now: new Date().toISOString(),
    };
    const decision = decide(input, state);
    if ('rejected' in decision) throw new Error(decision.message);
    return store.append({
      rolloutId,
      expectedVersion: version,
      events: decision.events,
      effects: decision.effects,
      actor: input.actor,
      recordedAt: input.now,
      stateAfter: decision.events.reduce<RolloutState>(evolve, state),
    });
  };

  it('lets exactly one of two concurrent appends at the same version win', async () => {
    const { version, stateAfter } = await created('ro-race');

    const results = await Promise.allSettled([
      pause('ro-race', version, stateAfter),
      pause('ro-race', version, stateAfter),
    ]);

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((result) => result.status === 'rejected');
    expect(failure?.status === 'rejected' && failure.reason).toBeInstanceOf(ConcurrencyConflict);
    const loaded = await store.load('ro-race');
    expect(loaded.version).toBe(version + 1);
    expect(loaded.state?.phase.status).toBe('Paused');
    const outbox = await schema.pool.query(
      `SELECT envelope ->> 'id' AS id FROM outbox WHERE key = 'ro-race' ORDER BY id`,
    );
    expect(outbox.rows.map((row) => row.id).filter((id: string) => !id.includes('notify'))).toEqual(
      Array.from({ length: version + 1 }, (_, index) => `ro-race/${index + 1}`),
    );
  });

  it('refuses a second active rollout of one DaemonSet with a named error', async () => {
    await created('ro-first', 'shared');

    await expect(created('ro-second', 'shared')).rejects.toMatchObject({
      code: RolloutErrorCode.ActiveRolloutExists,
    });
    await expect(created('ro-second', 'shared')).rejects.toBeInstanceOf(RolloutError);
  });

  it('folds the stream on load, from scratch or from a cached version', async () => {
    const { version, stateAfter } = await created('ro-fold');
    await pause('ro-fold', version, stateAfter);

    const full = await store.load('ro-fold');
    const incremental = await store.load('ro-fold', { state: stateAfter, version });

    expect(incremental).toEqual(full);
  });

  it('records an effect result once', async () => {
    const { version, stateAfter } = await created('ro-effect');
    await schema.pool.query(
      `INSERT INTO rollout_effects (id, rollout_id, version, seq, type, effect) VALUES ('e-1', 'ro-effect', 1, 0, 'EvictPod', '{}')`,
    );
    const complete = (expected: number) =>
      store.append({
        rolloutId: 'ro-effect',
        expectedVersion: expected,
        events: [],
        effects: [],
        actor: null,
        recordedAt: new Date().toISOString(),
        stateAfter,
        completesEffects: [{ id: 'e-1', outcome: { type: 'PodEvicted' } }],
      });

    await complete(version);
    await expect(complete(version)).rejects.toBeInstanceOf(AlreadyRecorded);
  });

  it('records the results of several effects in one append, or none when one was recorded before', async () => {
    const { version, stateAfter } = await created('ro-effects');
    await schema.pool.query(
      `INSERT INTO rollout_effects (id, rollout_id, version, seq, type, effect)
       SELECT id, 'ro-effects', 1, seq, 'EvictPod', '{}' FROM unnest(ARRAY['f-1', 'f-2', 'f-3']) WITH ORDINALITY AS t(id, seq)`,
    );
    const complete = (ids: string[]) =>
      store.append({
        rolloutId: 'ro-effects',
        expectedVersion: version,
        events: [],
        effects: [],
        actor: null,
        recordedAt: new Date().toISOString(),
        stateAfter,
        completesEffects: ids.map((id) => ({ id, outcome: { type: 'PodEvicted', id } })),
      });

    await complete(['f-2']);
    const refused = complete(['f-1', 'f-2', 'f-3']);
    await expect(refused).rejects.toBeInstanceOf(EffectsAlreadyRecorded);
    await expect(refused).rejects.toMatchObject({ effectIds: ['f-2'] });
    await complete(['f-1', 'f-3']);

    const rows = await schema.pool.query<{ id: string; outcome: { id: string } }>(
      `SELECT id, outcome FROM rollout_effects WHERE rollout_id = 'ro-effects' ORDER BY id`,
    );
    expect(rows.rows.map((row) => [row.id, row.outcome.id])).toEqual([
      ['f-1', 'f-1'],
      ['f-2', 'f-2'],
      ['f-3', 'f-3'],
    ]);
  });
});

import { evolveAll, type Actor, type RolloutEvent, type RolloutState } from '#rollcall/domain';
import type pg from 'pg';
import { AlreadyRecorded, ConcurrencyConflict, IdempotencyKeyTaken, RolloutError } from '../rollout.errors.js';
import { appendRows, type AppendSource } from './append-rows.js';
import { insertAppendRows } from './append-statements.js';
import { EffectsAlreadyRecorded, type EffectResult } from './effect-results.js';

export interface LoadedRollout {
  readonly state: RolloutState;
  readonly version: number;
}

export const EMPTY_STREAM: LoadedRollout = { state: null, version: 0 };

export interface AppendRequest extends AppendSource {
  /** The state after the events, for the summary row. */
  readonly stateAfter: RolloutState;
  readonly idempotencyKey?: string;
  /** Marks these cluster effects done in the same transaction that records their results. */
  readonly completesEffects?: readonly EffectResult[];
  /** Marks this timer fired in the same transaction that records what it caused. */
  readonly firesTimerId?: string;
}

const UNIQUE_VIOLATION = '23505';

/** The saga store: streams of rollout events with optimistic concurrency, plus outbox, effects and timers. */
export class RolloutEventStore {
  constructor(private readonly pool: pg.Pool) {}

  /** Folds the events after `from` onto it; loading from EMPTY_STREAM replays the whole stream. */
  async load(rolloutId: string, from: LoadedRollout = EMPTY_STREAM): Promise<LoadedRollout> {
    const result = await this.pool.query<{ version: number; data: RolloutEvent }>(
      'SELECT version, data FROM rollout_events WHERE rollout_id = $1 AND version > $2 ORDER BY version',
      [rolloutId, from.version],
    );
    const last = result.rows.at(-1);
    if (last === undefined) return from;
    return {
      state: evolveAll(
        from.state,
        result.rows.map((row) => row.data),
      ),
      version: last.version,
    };
  }

  /** Appends at `expectedVersion`; throws ConcurrencyConflict when the stream moved on. Returns the new version. */
  async append(request: AppendRequest): Promise<number> {
    const rows = appendRows(request);
    const newVersion = request.expectedVersion + rows.events.length;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      if (request.expectedVersion === 0) await this.create(client, request, newVersion);
      else await this.advance(client, request, newVersion);
      await insertAppendRows(client, request.rolloutId, rows);
      await this.markDone(client, request);
      await client.query('COMMIT');
      return newVersion;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw this.translate(error, request);
    } finally {
      client.release();
    }
  }

  async findByIdempotencyKey(actor: Actor, key: string): Promise<string | null> {
    const result = await this.pool.query<{ id: string }>(
      `SELECT id FROM rollouts WHERE requested_by ->> 'id' = $1 AND idempotency_key = $2`,
      [actor.id, key],
    );
    return result.rows[0]?.id ?? null;
  }

  private async create(client: pg.PoolClient, request: AppendRequest, newVersion: number): Promise<void> {
    const state = request.stateAfter;
    if (state === null) throw new Error('A new rollout stream must start with RolloutRequested');
    await client.query(
      `INSERT INTO rollouts (id, namespace, daemonset, state, version, requested_by, idempotency_key, spec, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
      [
        request.rolloutId,
        state.spec.daemonSet.namespace,
        state.spec.daemonSet.name,
        state.phase.status,
        newVersion,
        JSON.stringify(state.requestedBy),
        request.idempotencyKey ?? null,
        JSON.stringify(state.spec),
        request.recordedAt,
      ],
    );
  }

  /** The version check takes the row lock, so appends to one rollout are serialised. */
  private async advance(client: pg.PoolClient, request: AppendRequest, newVersion: number): Promise<void> {
    const updated = await client.query(
      `UPDATE rollouts SET version = $3, state = COALESCE($4, state),
         updated_at = CASE WHEN $3 = $2 THEN updated_at ELSE $5::timestamptz END
       WHERE id = $1 AND version = $2`,
      [
        request.rolloutId,
        request.expectedVersion,
        newVersion,
        request.stateAfter?.phase.status ?? null,
        request.recordedAt,
      ],
    );
    if (updated.rowCount === 0) throw new ConcurrencyConflict(request.rolloutId, request.expectedVersion);
  }

  private async markDone(client: pg.PoolClient, request: AppendRequest): Promise<void> {
    const results = request.completesEffects ?? [];
    if (results.length > 0) {
      const done = await client.query<{ id: string }>(
        `UPDATE rollout_effects e SET done_at = now(), outcome = r.outcome
         FROM jsonb_to_recordset($1::jsonb) AS r(id text, outcome jsonb)
         WHERE e.id = r.id AND e.done_at IS NULL RETURNING e.id`,
        [JSON.stringify(results)],
      );
      if (done.rows.length < results.length) {
        const marked = new Set(done.rows.map((row) => row.id));
        throw new EffectsAlreadyRecorded(results.map((result) => result.id).filter((id) => !marked.has(id)));
      }
    }
    if (request.firesTimerId !== undefined) {
      const fired = await client.query(
        'UPDATE rollout_timers SET fired_at = now() WHERE timer_id = $1 AND fired_at IS NULL AND cancelled_at IS NULL',
        [request.firesTimerId],
      );
      if (fired.rowCount === 0) throw new AlreadyRecorded(`Timer ${request.firesTimerId}`);
    }
  }

  private translate(error: unknown, request: AppendRequest): unknown {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code !== UNIQUE_VIOLATION) return error;
    const daemonSet = request.stateAfter?.spec.daemonSet;
    if (constraint === 'rollouts_one_active_per_daemonset' && daemonSet)
      return RolloutError.activeRolloutExists(daemonSet.namespace, daemonSet.name);
    if (constraint === 'rollouts_idempotency_key') return new IdempotencyKeyTaken(request.idempotencyKey ?? '');
    return new ConcurrencyConflict(request.rolloutId, request.expectedVersion);
  }
}

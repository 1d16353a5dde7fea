import type pg from 'pg';
import type { ClusterEffect } from '../store/append-rows.js';

export interface PendingEffect {
  readonly id: string;
  readonly effect: ClusterEffect;
  /** Attempts started before this one: more than zero means it may already have happened. */
  readonly attempts: number;
}

/** The durable list of cluster effects a rollout still has to carry out. */
export class EffectQueue {
  constructor(private readonly pool: pg.Pool) {}

  async pending(rolloutId: string): Promise<PendingEffect[]> {
    const result = await this.pool.query<{ id: string; effect: ClusterEffect; attempts: number }>(
      `SELECT id, effect, attempts FROM rollout_effects
       WHERE rollout_id = $1 AND done_at IS NULL ORDER BY version, seq`,
      [rolloutId],
    );
    return result.rows;
  }

  /**
   * Recorded before the calls to the cluster, so a restart knows these effects may have run; returns
   * the ids it marked (an effect whose result was recorded meanwhile is left alone).
   */
  async markStarted(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const result = await this.pool.query<{ id: string }>(
      `UPDATE rollout_effects SET attempts = attempts + 1, started_at = now()
       WHERE id = ANY($1::text[]) AND done_at IS NULL RETURNING id`,
      [ids],
    );
    return new Set(result.rows.map((row) => row.id));
  }

  /** The saga no longer waits for these effects (the rollout moved on before they ran). */
  async markSkipped(ids: readonly string[], why: string): Promise<void> {
    if (ids.length === 0) return;
    await this.pool.query(
      'UPDATE rollout_effects SET done_at = now(), outcome = $2 WHERE id = ANY($1::text[]) AND done_at IS NULL',
      [ids, JSON.stringify({ skipped: why })],
    );
  }

  /** Rollouts with work left in the cluster, terminal or not (a finished rollout may still restore its strategy). */
  async rolloutsWithPendingEffects(): Promise<string[]> {
    const result = await this.pool.query<{ rollout_id: string }>(
      'SELECT DISTINCT rollout_id FROM rollout_effects WHERE done_at IS NULL',
    );
    return result.rows.map((row) => row.rollout_id);
  }
}

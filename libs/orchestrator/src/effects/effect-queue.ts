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

  /** Recorded before the call to the cluster, so a restart knows the effect may have run. */
  async markStarted(id: string): Promise<void> {
    await this.pool.query('UPDATE rollout_effects SET attempts = attempts + 1, started_at = now() WHERE id = $1', [id]);
  }

  /** The saga no longer waits for this effect (the rollout moved on before it ran). */
  async markSkipped(id: string, why: string): Promise<void> {
    await this.pool.query(
      'UPDATE rollout_effects SET done_at = now(), outcome = $2 WHERE id = $1 AND done_at IS NULL',
      [id, JSON.stringify({ skipped: why })],
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

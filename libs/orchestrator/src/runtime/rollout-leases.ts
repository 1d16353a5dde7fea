import type pg from 'pg';

/** One driver per rollout across processes: a lease row per rollout, renewed by its owner, taken over after expiry. */
export class RolloutLeases {
  constructor(
    private readonly pool: pg.Pool,
    private readonly owner: string,
    private readonly ttlMs: number,
  ) {}

  /** Acquires or renews each lease it can; returns the rollouts this owner now holds. */
  async claim(rolloutIds: readonly string[]): Promise<Set<string>> {
    if (rolloutIds.length === 0) return new Set();
    const result = await this.pool.query<{ rollout_id: string }>(
      `INSERT INTO rollout_leases (rollout_id, owner, expires_at)
       SELECT id, $2, now() + make_interval(secs => $3::double precision / 1000) FROM unnest($1::text[]) AS id
       ON CONFLICT (rollout_id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
       WHERE rollout_leases.owner = excluded.owner OR rollout_leases.expires_at < now()
       RETURNING rollout_id`,
      [rolloutIds, this.owner, this.ttlMs],
    );
    return new Set(result.rows.map((row) => row.rollout_id));
  }

  async release(rolloutIds: readonly string[]): Promise<void> {
    if (rolloutIds.length === 0) return;
    await this.pool.query('DELETE FROM rollout_leases WHERE rollout_id = ANY($1::text[]) AND owner = $2', [
      rolloutIds,
      this.owner,
    ]);
  }
}

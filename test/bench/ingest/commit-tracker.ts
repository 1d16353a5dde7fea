import type { Pool } from 'pg';
import type { PodChange } from './pod-changes.js';

/**
 * Finds when sampled changes became committed daemonset_node_state rows, by polling those rows
 * through their primary key: lag = poll time - change time. Sampling keeps the polling itself from
 * loading the database it measures.
 */
export class CommitTracker {
  readonly lagsMs: number[] = [];
  private pending: PodChange[] = [];
  private seen = 0;

  constructor(
    private readonly pool: Pool,
    private readonly sampleEvery: number,
  ) {}

  add(change: PodChange): void {
    if (this.seen++ % this.sampleEvery === 0) this.pending.push(change);
  }

  get unconfirmed(): number {
    return this.pending.length;
  }

  async poll(): Promise<void> {
    if (this.pending.length === 0) return;
    const keys = [...new Set(this.pending.map((change) => change.key))].map((key) => key.split('/'));
    const rows = await this.pool.query<{ key: string; resource_version: string }>(
      `SELECT namespace || '/' || daemonset || '/' || node AS key, resource_version FROM daemonset_node_state
        WHERE (namespace, daemonset, node) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))`,
      [keys.map((key) => key[0]), keys.map((key) => key[1]), keys.map((key) => key[2])],
    );
    const now = performance.now();
    const committed = new Map(rows.rows.map((row) => [row.key, BigInt(row.resource_version)]));
    this.pending = this.pending.filter((change) => {
      const done = (committed.get(change.key) ?? 0n) >= change.resourceVersion;
      if (done) this.lagsMs.push(now - change.at);
      return !done;
    });
  }
}

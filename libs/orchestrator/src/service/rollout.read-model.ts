import { TERMINAL_STATUSES, type Actor, type RolloutStatus } from '#rollcall/domain';
import type pg from 'pg';
import type { RolloutCursor } from './rollout-cursor.js';
import { RolloutEventsReadModel } from './rollout-events.read-model.js';
import type { RolloutSummary } from './rollout.view.js';

export interface RolloutFilters {
  readonly namespace?: string;
  readonly daemonSet?: string;
  readonly status?: RolloutStatus;
  /** The requester's actor id. */
  readonly requestedBy?: string;
}

interface SummaryRow {
  readonly id: string;
  readonly namespace: string;
  readonly daemonset: string;
  readonly state: RolloutStatus;
  readonly requested_by: Actor;
  readonly created_at: Date;
  readonly updated_at: Date;
}

const SUMMARY_COLUMNS = 'id, namespace, daemonset, state, requested_by, created_at, updated_at';

const summaryOf = (row: SummaryRow): RolloutSummary => ({
  id: row.id,
  daemonSet: { namespace: row.namespace, name: row.daemonset },
  status: row.state,
  requestedBy: row.requested_by,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

/** Queries over the rollouts summary table. */
export class RolloutReadModel {
  readonly events: RolloutEventsReadModel;

  constructor(private readonly pool: pg.Pool) {
    this.events = new RolloutEventsReadModel(pool);
  }

  async summary(id: string): Promise<RolloutSummary | null> {
    const result = await this.pool.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM rollouts WHERE id = $1`, [id]);
    return result.rows[0] ? summaryOf(result.rows[0]) : null;
  }

  /** The stage names of the rollout's spec, in order; null when the rollout does not exist. */
  async stageNames(id: string): Promise<string[] | null> {
    const result = await this.pool.query<{ names: string[] }>(
      `SELECT jsonb_path_query_array(spec, '$.strategy.stages[*].name') AS names FROM rollouts WHERE id = $1`,
      [id],
    );
    return result.rows[0]?.names ?? null;
  }

  /** Newest first; `after` continues from the last item of the previous page. */
  async list(filters: RolloutFilters, after: RolloutCursor | null, limit: number): Promise<RolloutSummary[]> {
    const result = await this.pool.query<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM rollouts
       WHERE ($1::text IS NULL OR namespace = $1) AND ($2::text IS NULL OR daemonset = $2)
         AND ($3::text IS NULL OR state = $3) AND ($7::text IS NULL OR requested_by ->> 'id' = $7)
         AND ($4::timestamptz IS NULL OR (created_at, id) < ($4::timestamptz, $5::text))
       ORDER BY created_at DESC, id DESC LIMIT $6`,
      [
        filters.namespace ?? null,
        filters.daemonSet ?? null,
        filters.status ?? null,
        after?.createdAt ?? null,
        after?.id ?? null,
        limit,
        filters.requestedBy ?? null,
      ],
    );
    return result.rows.map(summaryOf);
  }

  /** Unfinished rollouts, and finished ones that still owe the cluster an effect (restoring the strategy). */
  async rolloutsToDrive(): Promise<string[]> {
    const result = await this.pool.query<{ id: string }>(
      `SELECT id FROM rollouts WHERE state <> ALL($1::text[])
       UNION SELECT DISTINCT rollout_id FROM rollout_effects WHERE done_at IS NULL`,
      [TERMINAL_STATUSES],
    );
    return result.rows.map((row) => row.id);
  }
}

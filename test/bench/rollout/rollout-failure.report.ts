import type { RolloutView } from '#rollcall/orchestrator';
import type pg from 'pg';

interface EventRow {
  readonly version: number;
  readonly type: string;
  readonly data: Record<string, unknown>;
}

const EVENTS_BEFORE_FAILURE = 15;

/**
 * Why a rollout stopped short of Succeeded: its paused reason, its Failed nodes with their reasons,
 * and the saga events leading up to (and including) its first NodeFailed or RolloutPaused.
 */
export async function rolloutFailureReport(pool: pg.Pool, view: RolloutView): Promise<Record<string, unknown>> {
  const failedNodes = view.nodes
    .filter((node) => node.status === 'Failed')
    .map((node) => ({ name: node.name, batch: node.batch, failure: node.failure }));
  const first = await pool.query<{ version: number }>(
    `SELECT min(version) AS version FROM rollout_events
     WHERE rollout_id = $1 AND type IN ('NodeFailed', 'RolloutPaused', 'RolloutFailed')`,
    [view.id],
  );
  const firstVersion = first.rows[0]?.version ?? null;
  const leadingEvents =
    firstVersion === null
      ? []
      : (
          await pool.query<EventRow>(
            `SELECT version, type, data FROM rollout_events
             WHERE rollout_id = $1 AND version BETWEEN $2 AND $3 ORDER BY version`,
            [view.id, firstVersion - EVENTS_BEFORE_FAILURE, firstVersion + 2],
          )
        ).rows.map(({ version, data }) => ({ version, ...data }));
  return {
    pausedReason: view.pausedReason,
    failedNodes: failedNodes.slice(0, 20),
    failedNodeCount: failedNodes.length,
    firstFailureVersion: firstVersion,
    eventsAroundFirstFailure: leadingEvents,
  };
}

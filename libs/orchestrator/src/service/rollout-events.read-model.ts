import type { Actor, RolloutEventType } from '#rollcall/domain';
import type pg from 'pg';
import type { StoredRolloutEvent, TimelineEvent } from './rollout-timeline.view.js';

interface EventRow {
  readonly version: number;
  readonly data: TimelineEvent;
  readonly actor: Actor | null;
  readonly occurred_at: Date;
}

/** Approvals and interventions: few per rollout, whatever its size. */
export const DECISION_EVENT_TYPES: readonly RolloutEventType[] = [
  'StageAwaitingApproval',
  'StageApprovalGranted',
  'StageApprovalExpired',
  'StageApproved',
  'RolloutRejected',
  'RolloutPaused',
  'RolloutResumed',
  'RolloutAborted',
  'RolloutRollbackStarted',
];

// The plan names every node of the rollout; no read here needs it.
const EVENT_COLUMNS = `version, data - 'plan' AS data, actor, occurred_at`;

const storedOf = (row: EventRow): StoredRolloutEvent => ({
  version: row.version,
  occurredAt: row.occurred_at.toISOString(),
  actor: row.actor,
  event: row.data,
});

/** Queries over one rollout's stream in rollout_events, for its timeline, approvals and audit. */
export class RolloutEventsReadModel {
  constructor(private readonly pool: pg.Pool) {}

  async decisions(rolloutId: string): Promise<StoredRolloutEvent[]> {
    const result = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM rollout_events WHERE rollout_id = $1 AND type = ANY($2::text[]) ORDER BY version`,
      [rolloutId, DECISION_EVENT_TYPES],
    );
    return result.rows.map(storedOf);
  }

  /** The newest `limit` events, oldest first. */
  async latest(rolloutId: string, limit: number): Promise<StoredRolloutEvent[]> {
    const result = await this.pool.query<EventRow>(
      `SELECT * FROM (SELECT ${EVENT_COLUMNS} FROM rollout_events WHERE rollout_id = $1 ORDER BY version DESC LIMIT $2) AS newest
       ORDER BY version`,
      [rolloutId, limit],
    );
    return result.rows.map(storedOf);
  }

  /** Events after `afterVersion`, oldest first. */
  async after(rolloutId: string, afterVersion: number, limit: number): Promise<StoredRolloutEvent[]> {
    const result = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM rollout_events WHERE rollout_id = $1 AND version > $2 ORDER BY version LIMIT $3`,
      [rolloutId, afterVersion, limit],
    );
    return result.rows.map(storedOf);
  }

  /** Names of evicted pods by uid, from the eviction requests that named them. */
  async podNames(rolloutId: string, events: readonly StoredRolloutEvent[]): Promise<Map<string, string>> {
    const uids = events.flatMap(({ event }) => (event.type === 'NodePodEvicted' ? [event.podUid] : []));
    if (uids.length === 0) return new Map();
    const result = await this.pool.query<{ uid: string; name: string }>(
      `SELECT DISTINCT data ->> 'podUid' AS uid, data ->> 'podName' AS name FROM rollout_events
       WHERE rollout_id = $1 AND type = 'NodeEvictionRequested' AND data ->> 'podUid' = ANY($2::text[])`,
      [rolloutId, [...new Set(uids)]],
    );
    return new Map(result.rows.map((row) => [row.uid, row.name]));
  }
}

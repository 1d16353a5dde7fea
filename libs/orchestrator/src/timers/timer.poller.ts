import type { RolloutTimer } from '#rollcall/domain';
import type { Logger } from 'pino';
import type pg from 'pg';
import { AlreadyRecorded } from '../rollout.errors.js';
import type { RolloutDriver } from '../runtime/rollout.driver.js';

interface DueTimer {
  readonly timer_id: string;
  readonly rollout_id: string;
  readonly timer: RolloutTimer;
}

/**
 * Fires due timers of the rollouts this process holds the lease of; the append marks the timer
 * fired, so a firing is recorded once even when two pollers race after a lease change.
 */
export class TimerPoller {
  constructor(
    private readonly pool: pg.Pool,
    private readonly driver: RolloutDriver,
    private readonly owner: string,
    private readonly logger: Logger,
  ) {}

  async fireDue(): Promise<number> {
    const due = await this.pool.query<DueTimer>(
      `SELECT t.timer_id, t.rollout_id, t.timer FROM rollout_timers t
       JOIN rollout_leases l ON l.rollout_id = t.rollout_id AND l.owner = $1 AND l.expires_at > now()
       WHERE t.due_at <= now() AND t.fired_at IS NULL AND t.cancelled_at IS NULL
       ORDER BY t.due_at LIMIT 200`,
      [this.owner],
    );
    await Promise.all(due.rows.map((row) => this.fire(row)));
    return due.rows.length;
  }

  private async fire(row: DueTimer): Promise<void> {
    try {
      await this.driver.handle(
        row.rollout_id,
        { type: 'TimerFired', now: this.driver.now(), timer: row.timer },
        { firesTimerId: row.timer_id },
      );
    } catch (error) {
      if (!(error instanceof AlreadyRecorded))
        this.logger.warn({ err: error, timerId: row.timer_id }, 'timer firing not recorded; retrying');
    }
  }
}

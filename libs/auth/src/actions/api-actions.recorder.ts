import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import type { ActionRecorder, RecordedAction } from './action-recorder.port.js';

/** Writes actions to the `api_actions` table. */
@Injectable()
export class ApiActionsRecorder implements ActionRecorder {
  async record(action: RecordedAction, transaction: pg.PoolClient): Promise<void> {
    await transaction.query(
      'insert into api_actions (actor_id, actor_name, action, subject, details) values ($1, $2, $3, $4, $5)',
      [action.actor.tokenId, action.actor.name, action.action, action.subject, JSON.stringify(action.details)],
    );
  }
}

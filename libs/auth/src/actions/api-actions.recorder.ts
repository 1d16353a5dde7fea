import { Injectable } from '@nestjs/common';
import { enqueueOutbox } from '#rollcall/outbox';
import type pg from 'pg';
import type { ActionRecorder, RecordedAction } from './action-recorder.port.js';
import { API_ACTIONS_TOPIC, apiActionEnvelope } from './api-action.envelope.js';

/** Writes actions to `api_actions` and, through the outbox in the same transaction, to the history. */
@Injectable()
export class ApiActionsRecorder implements ActionRecorder {
  async record(action: RecordedAction, transaction: pg.PoolClient): Promise<void> {
    const inserted = await transaction.query<{ id: string; occurred_at: Date }>(
      `insert into api_actions (actor_id, actor_name, action, subject, details) values ($1, $2, $3, $4, $5)
       returning id::text, occurred_at`,
      [action.actor.tokenId, action.actor.name, action.action, action.subject, JSON.stringify(action.details)],
    );
    const { id, occurred_at } = inserted.rows[0];
    const envelope = apiActionEnvelope(id, action, occurred_at.toISOString());
    await enqueueOutbox(transaction, [{ topic: API_ACTIONS_TOPIC, key: action.actor.tokenId, envelope }]);
  }
}

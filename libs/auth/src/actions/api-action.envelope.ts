import type { Envelope } from '#rollcall/domain';
import { requestingActor } from '../requesting-actor.js';
import type { RecordedAction } from './action-recorder.port.js';

export const API_ACTIONS_TOPIC = 'rollcall.api-actions.v1';
export const API_ACTION_SCHEMA_VERSION = 1;

/** The history event types of the actions the API records (`token.created` → `TokenCreated`). */
export type ApiActionEventType = 'TokenCreated' | 'TokenRevoked';

/** `token.created` → `TokenCreated`: history event types are past-tense PascalCase. */
export function apiActionType(action: string): string {
  return action
    .split(/[._-]/)
    .filter((part) => part !== '')
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/** The history envelope of an API action; its id derives from the action's row id, so a replay keeps it. */
export function apiActionEnvelope(rowId: string, action: RecordedAction, occurredAt: string): Envelope {
  return {
    id: `api-action/${rowId}`,
    type: apiActionType(action.action),
    schemaVersion: API_ACTION_SCHEMA_VERSION,
    occurredAt,
    observedAt: occurredAt,
    correlationId: `api-action/${rowId}`,
    causationId: null,
    actor: requestingActor(action.actor),
    data: { action: action.action, subject: action.subject, tokenId: action.actor.tokenId, ...action.details },
  };
}

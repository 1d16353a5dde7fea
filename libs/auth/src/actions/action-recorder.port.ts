import type pg from 'pg';
import type { Actor } from '../actor.js';

/** A change made through the API, by whom, to what. */
export interface RecordedAction {
  readonly actor: Pick<Actor, 'tokenId' | 'name'>;
  /** Dotted, past tense: `token.created`, `token.revoked`. */
  readonly action: string;
  readonly subject: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * Records changes inside the transaction that makes them, so that no change goes unrecorded.
 * The history library will provide the hash-chained implementation; until then `api_actions` holds them.
 */
export interface ActionRecorder {
  record(action: RecordedAction, transaction: pg.PoolClient): Promise<void>;
}

export const ACTION_RECORDER = Symbol('ActionRecorder');

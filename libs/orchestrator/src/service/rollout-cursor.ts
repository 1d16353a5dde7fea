import { RolloutError, RolloutErrorCode } from '../rollout.errors.js';

/** Where a page of rollouts ends: newest first, ties broken by id. Opaque to clients. */
export interface RolloutCursor {
  readonly createdAt: string;
  readonly id: string;
}

export function encodeCursor(cursor: RolloutCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string): RolloutCursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(createdAt)))
      return { createdAt, id };
  } catch {
    // fall through to the error below
  }
  throw new RolloutError(RolloutErrorCode.InvalidCursor, 'The cursor is not one this API returned.');
}

import { RolloutError, RolloutErrorCode } from '../rollout.errors.js';

/** The version of the last event of a page; opaque to clients. */
export function encodeEventCursor(version: number): string {
  return Buffer.from(JSON.stringify({ after: version })).toString('base64url');
}

export function decodeEventCursor(text: string): number {
  try {
    const { after } = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof after === 'number' && Number.isSafeInteger(after) && after >= 0) return after;
  } catch {
    // fall through to the error below
  }
  throw new RolloutError(RolloutErrorCode.InvalidCursor, 'The cursor is not one this API returned.');
}

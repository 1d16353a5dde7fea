import { z } from 'zod';
import { HttpConventionException, HttpExceptionCode } from '../http.exception.js';

/** The sort key of the last item a page returned; pages continue strictly after it. */
export type CursorKey = readonly (string | number)[];

export interface Page<Item> {
  readonly items: readonly Item[];
  readonly nextCursor: string | null;
}

const cursorPayload = z.array(z.union([z.string(), z.number()])).min(1);

/** Opaque to clients (base64url JSON), so the sort key can change without breaking the API's contract. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    return cursorPayload.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new HttpConventionException(
      HttpExceptionCode.InvalidCursor,
      'The cursor was not produced by this API; pass nextCursor from a previous page unchanged.',
      [{ field: 'cursor', reason: 'not a cursor of this API' }],
    );
  }
}

/**
 * Builds a page from rows fetched with `limit + 1`: the extra row only tells that another page
 * exists, which spares a count query.
 */
export function toPage<Row, Item>(
  rows: readonly Row[],
  limit: number,
  keyOf: (row: Row) => CursorKey,
  toItem: (row: Row) => Item,
): Page<Item> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  const nextCursor = rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null;
  return { items: pageRows.map(toItem), nextCursor };
}

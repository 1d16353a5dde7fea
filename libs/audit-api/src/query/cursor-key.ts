import { decodeCursor, HttpConventionException, HttpExceptionCode } from '#rollcall/http';

/**
 * The string sort key a cursor of one listing carries, checked for its arity, so a cursor of
 * another listing is a 422 naming `cursor` rather than a database error.
 */
export function cursorKeyOf(cursor: string | undefined, arity: number): readonly string[] | undefined {
  if (cursor === undefined) return undefined;
  const key = decodeCursor(cursor);
  if (key.length !== arity || key.some((part) => typeof part !== 'string')) {
    throw new HttpConventionException(HttpExceptionCode.InvalidCursor, 'The cursor does not belong to this listing.', [
      { field: 'cursor', reason: 'not a cursor of this listing' },
    ]);
  }
  return key as readonly string[];
}

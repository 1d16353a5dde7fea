import { HttpConventionException } from '../http.exception.js';
import { decodeCursor, encodeCursor, toPage } from './cursor.js';

describe('cursor', () => {
  it('round-trips a sort key through an opaque base64url string', () => {
    const cursor = encodeCursor(['1763905000000123', 'b9f7c2d4-0000-4000-8000-000000000001', 7]);

    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(['1763905000000123', 'b9f7c2d4-0000-4000-8000-000000000001', 7]);
  });

  it.each([
    'not base64 at all!',
    Buffer.from('{"a":1}').toString('base64url'),
    Buffer.from('[]').toString('base64url'),
  ])('refuses %s as a cursor problem naming the field', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(HttpConventionException);
    try {
      decodeCursor(cursor);
    } catch (error) {
      expect((error as HttpConventionException).errors).toEqual([
        { field: 'cursor', reason: 'not a cursor of this API' },
      ]);
    }
  });
});

describe('toPage', () => {
  const rows = [1, 2, 3].map((n) => ({ n }));
  const page = (fetched: typeof rows, limit: number) =>
    toPage(
      fetched,
      limit,
      (row) => [row.n],
      (row) => `item ${row.n}`,
    );

  it('gives a cursor after the last item when the extra row shows another page', () => {
    const first = page(rows, 2);

    expect(first.items).toEqual(['item 1', 'item 2']);
    expect(decodeCursor(first.nextCursor ?? '')).toEqual([2]);
  });

  it('gives no cursor on the last page', () => {
    expect(page(rows, 3)).toEqual({ items: ['item 1', 'item 2', 'item 3'], nextCursor: null });
    expect(page([], 3)).toEqual({ items: [], nextCursor: null });
  });
});

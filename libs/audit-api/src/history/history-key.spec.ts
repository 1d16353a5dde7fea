import { encodeCursor, HttpConventionException } from '#rollcall/http';
import { historyCursorKey, historyKeyOf } from './history-key.js';

describe('history cursor key', () => {
  const key = {
    order: 'asc' as const,
    occurredUs: '1735689600000123',
    eventId: 'Pod/u/5/present',
    chain: 't/1',
    seq: '3',
  };

  it('round-trips through an opaque cursor', () => {
    expect(historyKeyOf(encodeCursor(historyCursorKey(key)), 'asc')).toEqual(key);
    expect(historyKeyOf(undefined, 'asc')).toBeUndefined();
  });

  it.each([
    ['the other order', encodeCursor(historyCursorKey(key)), 'desc'],
    ['another listing', encodeCursor(['node-a']), 'asc'],
    ['a forged time', encodeCursor(['asc', 'soon', 'e', 'c', '1']), 'asc'],
    ['garbage', '%%%', 'asc'],
  ] as const)('refuses a cursor of %s as a cursor problem', (_case, cursor, order) => {
    expect(() => historyKeyOf(cursor, order)).toThrow(HttpConventionException);
  });
});

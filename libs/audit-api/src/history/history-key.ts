import { HttpConventionException, HttpExceptionCode, type CursorKey } from '#rollcall/http';
import { cursorKeyOf } from '../query/cursor-key.js';

export type HistoryOrder = 'asc' | 'desc';

/** Where a history page continues: after this (occurred_at, event id, chain, seq) in this order. */
export interface HistoryKey {
  readonly order: HistoryOrder;
  /** occurred_at in microseconds since the epoch, which a JavaScript Date cannot hold. */
  readonly occurredUs: string;
  readonly eventId: string;
  readonly chain: string;
  readonly seq: string;
}

export const historyCursorKey = (key: HistoryKey): CursorKey => [
  key.order,
  key.occurredUs,
  key.eventId,
  key.chain,
  key.seq,
];

/** The key a history cursor carries; a cursor of another listing or of the other order is refused. */
export function historyKeyOf(cursor: string | undefined, order: HistoryOrder): HistoryKey | undefined {
  const key = cursorKeyOf(cursor, 5);
  if (key === undefined) return undefined;
  const [keyOrder, occurredUs, eventId, chain, seq] = key;
  // At most 18 digits: whatever a cursor carries must fit the bigint it is compared with.
  if (keyOrder !== order || !/^-?\d{1,18}$/.test(occurredUs) || !/^\d{1,18}$/.test(seq)) {
    throw new HttpConventionException(
      HttpExceptionCode.InvalidCursor,
      'The cursor belongs to another listing or to the other order.',
      [{ field: 'cursor', reason: `not a cursor of this listing in ${order} order` }],
    );
  }
  return { order, occurredUs, eventId, chain, seq };
}

import { RolloutErrorCode } from '../rollout.errors.js';
import { decodeCursor, encodeCursor } from './rollout-cursor.js';

describe('rollout cursor', () => {
  it('round-trips the position of the last item', () => {
    const cursor = { createdAt: '2030-01-01T00:00:00.123Z', id: 'ro-9' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each(['', 'not-base64!', Buffer.from('[1,2]').toString('base64url')])(
    'refuses a cursor it did not make (%s)',
    (text) => {
      expect(() => decodeCursor(text)).toThrow(expect.objectContaining({ code: RolloutErrorCode.InvalidCursor }));
    },
  );
});

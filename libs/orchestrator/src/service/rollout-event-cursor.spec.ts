import { RolloutErrorCode } from '../rollout.errors.js';
import { decodeEventCursor, encodeEventCursor } from './rollout-event-cursor.js';

describe('rollout event cursor', () => {
  it('round-trips the version of the last event', () => {
    expect(decodeEventCursor(encodeEventCursor(4711))).toBe(4711);
  });

  it.each([
    '',
    'nope',
    Buffer.from('{"after":-1}').toString('base64url'),
    Buffer.from('{"after":"3"}').toString('base64url'),
  ])('refuses a cursor it did not make (%s)', (text) => {
    expect(() => decodeEventCursor(text)).toThrow(expect.objectContaining({ code: RolloutErrorCode.InvalidCursor }));
  });
});

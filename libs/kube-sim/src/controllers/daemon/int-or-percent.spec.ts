import { scaledValue } from './int-or-percent.js';

describe('int or percent scaling', () => {
  it.each([
    [5, 100, true, 5],
    ['10%', 5000, true, 500],
    ['10%', 15, true, 2],
    ['10%', 15, false, 1],
    ['3', 10, true, 3],
    [undefined, 10, true, 7],
  ])('given %j of %d (round up %s), when scaled, then %d', (value, total, roundUp, expected) => {
    expect(scaledValue(value, total, roundUp, 7)).toBe(expected);
  });

  it('given a malformed value, when scaled, then it throws', () => {
    expect(() => scaledValue('ten', 10, true, 0)).toThrow(/not a percentage/);
  });
});

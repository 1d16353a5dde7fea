import { isPlainJson } from './plain-json.js';

describe('isPlainJson', () => {
  it('given what JSON gives back unchanged, then it is plain', () => {
    expect(isPlainJson({ a: [1, 'x', true, null, { b: [] }], c: -0.5 })).toBe(true);
  });

  it.each([
    ['an undefined field', { a: undefined }],
    ['an undefined array item', [1, undefined]],
    ['a Date', { at: new Date(0) }],
    ['NaN', { n: Number.NaN }],
    ['a function', { f: () => 1 }],
    ['a class instance', { m: new Map() }],
  ])('given %s, then it is not plain (JSON would change it)', (_, value) => {
    expect(isPlainJson(value)).toBe(false);
  });
});

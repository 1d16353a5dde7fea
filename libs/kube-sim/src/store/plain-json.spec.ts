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

  it('given a plain version it was built from, then shared parts are not walked again and new parts are', () => {
    const stored = { metadata: { labels: { a: '1' } }, spec: { containers: [{ name: 'c' }] } };
    // A getter that throws stands for a part the check must not walk: only reachable if it walks the shared spec.
    const sharedSpec = Object.defineProperty({ ...stored.spec }, 'probe', {
      enumerable: true,
      get: () => {
        throw new Error('walked a shared part');
      },
    });
    const withSharedSpec = { ...stored, spec: sharedSpec };
    expect(isPlainJson(withSharedSpec, { ...stored, spec: sharedSpec })).toBe(true);
    expect(() => isPlainJson(withSharedSpec, stored)).toThrow('walked a shared part');

    const changedLabels = { ...stored, metadata: { labels: { ...stored.metadata.labels, b: undefined } } };
    expect(isPlainJson(changedLabels, stored)).toBe(false);
    const changedItem = { ...stored, spec: { containers: [{ name: 'c', at: new Date(0) }] } };
    expect(isPlainJson(changedItem, stored)).toBe(false);
    expect(isPlainJson({ ...stored, extra: undefined }, stored)).toBe(false);
  });
});

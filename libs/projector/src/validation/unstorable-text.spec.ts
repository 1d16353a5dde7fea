import { storableText, unstorableTextPath } from './unstorable-text.js';

describe('unstorableTextPath', () => {
  it('given text PostgreSQL stores, then there is no path', () => {
    expect(unstorableTextPath({ a: ['x', { b: 'y\u00e9\u{1F600}' }], c: 1, d: null, e: true })).toBeNull();
  });

  it('given U+0000 in a nested value, then the path leads to it', () => {
    expect(unstorableTextPath({ a: [{}, { b: 'y\u0000' }] })).toBe('envelope.a[1].b');
  });

  it('given a lone surrogate, then the path leads to it', () => {
    expect(unstorableTextPath({ name: 'pod-\ud800' })).toBe('envelope.name');
  });

  it('given U+0000 in a key, then the path names the object holding the key', () => {
    expect(unstorableTextPath({ labels: { 'team\u0000': 'ops' } })).toBe('envelope.labels (a key)');
  });
});

describe('storableText', () => {
  it('given U+0000 and a lone surrogate, then both become U+FFFD and the rest stays', () => {
    expect(storableText('a\u0000b\udc00c')).toBe('a\uFFFDb\uFFFDc');
  });
});

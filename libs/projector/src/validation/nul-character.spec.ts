import { nulCharacterPath } from './nul-character.js';

describe('nulCharacterPath', () => {
  it('given text without U+0000 anywhere, then there is no path', () => {
    expect(nulCharacterPath({ a: ['x', { b: 'y' }], c: 1, d: null, e: true })).toBeNull();
  });

  it('given U+0000 in a nested value, then the path leads to it', () => {
    expect(nulCharacterPath({ a: [{}, { b: 'y\u0000' }] })).toBe('envelope.a[1].b');
  });

  it('given U+0000 in a key, then the path names the object holding the key', () => {
    expect(nulCharacterPath({ labels: { 'team\u0000': 'ops' } })).toBe('envelope.labels (a key)');
  });
});

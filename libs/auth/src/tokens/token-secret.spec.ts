import { generateTokenSecret, hashTokenSecret, looksLikeToken } from './token-secret.js';

describe('token secrets', () => {
  it('are rc_ and 43 base64url characters (256 bits), different each time', () => {
    const first = generateTokenSecret();
    const second = generateTokenSecret();

    expect(first).toMatch(/^rc_[A-Za-z0-9_-]{43}$/);
    expect(first).not.toBe(second);
    expect(looksLikeToken(first)).toBe(true);
  });

  it('recognises only the token shape', () => {
    expect(looksLikeToken('rc_short')).toBe(false);
    expect(looksLikeToken(`xx_${'a'.repeat(43)}`)).toBe(false);
    expect(looksLikeToken(`rc_${'a'.repeat(40)}!`)).toBe(false);
  });

  it('hash to a stable 32-byte SHA-256 digest', () => {
    const secret = generateTokenSecret();

    expect(hashTokenSecret(secret)).toHaveLength(32);
    expect(hashTokenSecret(secret).equals(hashTokenSecret(secret))).toBe(true);
    // The FIPS 180-2 test vector for SHA-256.
    expect(hashTokenSecret('abc').toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'rc_';
const TOKEN_PATTERN = /^rc_[A-Za-z0-9_-]{32,}$/;

/** A new token: the prefix (which secret scanners and people recognise) and 256 random bits in base64url. */
export function generateTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function looksLikeToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/**
 * SHA-256 rather than a password hash: a token has 256 bits of entropy, so guessing it from its
 * digest is hopeless, and a deterministic digest can be looked up by index on every request.
 */
export function hashTokenSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

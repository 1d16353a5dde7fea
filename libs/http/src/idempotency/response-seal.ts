import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Stored responses can hold secrets (a new token is shown once); sealing them under a key derived
 * from the caller's credentials keeps them unreadable to anyone holding only the database.
 */
export function sealResponse(body: unknown, credentials: string, key: string): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(credentials, key), nonce);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(body ?? null), 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), sealed]);
}

/** Throws when the credentials differ from those that sealed the response. */
export function openResponse(sealed: Buffer, credentials: string, key: string): unknown {
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(credentials, key), sealed.subarray(0, NONCE_BYTES));
  decipher.setAuthTag(sealed.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  const plain = Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]);
  return JSON.parse(plain.toString('utf8'));
}

function sealingKey(credentials: string, key: string): Buffer {
  return Buffer.from(hkdfSync('sha256', credentials, key, 'rollcall idempotent response', 32));
}

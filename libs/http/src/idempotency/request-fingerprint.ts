import { createHash } from 'node:crypto';
import { canonicalJson } from '#rollcall/domain';
import { HttpConventionException, HttpExceptionCode } from '../http.exception.js';

/** A digest of what makes two requests the same command: method, URL and body, key order aside. */
export function requestFingerprint(method: string, url: string, body: unknown): Buffer {
  return createHash('sha256')
    .update(`${method} ${url}\n${canonicalBody(body)}`)
    .digest();
}

// A request without a body fingerprints as null; a body JSON cannot canonicalise (a lone surrogate) is the client's fault.
function canonicalBody(body: unknown): string {
  try {
    return canonicalJson(body ?? null);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new HttpConventionException(
      HttpExceptionCode.ValidationFailed,
      `The request body has no canonical JSON form, so its Idempotency-Key cannot be checked: ${reason}.`,
      [{ field: '(root)', reason: 'must be canonical JSON (RFC 8785): no lone surrogates, no NaN or Infinity' }],
    );
  }
}

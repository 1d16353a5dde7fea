import { canonicalJson } from '#rollcall/domain';
import type { PodTemplateWire } from '../kube-wire.types.js';

// rand.SafeEncodeString's alphabet: no vowels and no confusable characters, so hashes never spell words.
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  const bytes = new TextEncoder().encode(text);
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Like controller.ComputeHash: fnv32a of the template (and the collision count), safe-encoded. */
export function computeTemplateHash(template: PodTemplateWire, collisionCount = 0): string {
  const suffix = collisionCount > 0 ? `#${collisionCount}` : '';
  const decimal = String(fnv1a32(canonicalJson(template) + suffix));
  return [...decimal].map((digit) => SAFE_ALPHABET[digit.charCodeAt(0) % SAFE_ALPHABET.length]).join('');
}

import { randomBytes } from 'node:crypto';

/** A topic prefix no other test (or earlier run on the same broker) uses: `t.<time>.<random>`. */
export function uniqueTopicPrefix(label = 't'): string {
  return `${label}.${Date.now().toString(36)}.${randomBytes(4).toString('hex')}`;
}

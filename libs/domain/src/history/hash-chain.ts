import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { ChainHead, HistoryContent, HistoryEntry } from './history-entry.js';

export const GENESIS_HASH = '0'.repeat(64);

export const EMPTY_CHAIN_HEAD: ChainHead = { seq: 0, hash: GENESIS_HASH };

/** The fields that are hashed, picked explicitly so extra properties on a row never leak in. */
export function contentOf(entry: HistoryContent): HistoryContent {
  const { chain, seq, eventId, type, schemaVersion, occurredAt, observedAt, recordedAt } = entry;
  const { node, namespace, daemonset, rolloutId, actor, correlationId, causationId, data } = entry;
  return {
    chain,
    seq,
    eventId,
    type,
    schemaVersion,
    occurredAt,
    observedAt,
    recordedAt,
    node,
    namespace,
    daemonset,
    rolloutId,
    actor,
    correlationId,
    causationId,
    data,
  };
}

export function hashEntry(prevHash: string, content: HistoryContent): string {
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalJson(contentOf(content)))
    .digest('hex');
}

/** Numbers and links new contents after `head`; their `seq` and `chain` are set here. */
export function appendToChain(
  head: ChainHead,
  chain: string,
  contents: readonly Omit<HistoryContent, 'chain' | 'seq'>[],
): { entries: HistoryEntry[]; head: ChainHead } {
  const entries: HistoryEntry[] = [];
  let current = head;
  for (const content of contents) {
    const placed: HistoryContent = { ...content, chain, seq: current.seq + 1 };
    const hash = hashEntry(current.hash, placed);
    entries.push({ ...contentOf(placed), prevHash: current.hash, hash });
    current = { seq: placed.seq, hash };
  }
  return { entries, head: current };
}

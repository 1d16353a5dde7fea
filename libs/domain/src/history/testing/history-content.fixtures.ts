import { appendToChain, EMPTY_CHAIN_HEAD } from '../hash-chain.js';
import type { HistoryContent, HistoryEntry } from '../history-entry.js';

/** One event's content before it is placed in a chain. */
export const content = (eventId: string, data: unknown = { n: eventId }): Omit<HistoryContent, 'chain' | 'seq'> => ({
  eventId,
  type: 'NodeObserved',
  schemaVersion: 1,
  occurredAt: '2025-01-01T00:00:00.000Z',
  observedAt: '2025-01-01T00:00:01.000Z',
  recordedAt: '2025-01-01T00:00:02.000Z',
  node: 'node-a',
  namespace: null,
  daemonset: null,
  rolloutId: null,
  actor: null,
  correlationId: 'c',
  causationId: null,
  data,
});

/** An intact chain of `count` entries, e1 to e<count>. */
export const chainOf = (count: number): HistoryEntry[] =>
  appendToChain(
    EMPTY_CHAIN_HEAD,
    'topic/0',
    Array.from({ length: count }, (_, index) => content(`e${index + 1}`)),
  ).entries;

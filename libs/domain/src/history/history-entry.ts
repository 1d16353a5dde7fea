import type { Actor } from '../envelope.js';

/** What a history row says; every field takes part in the row's hash. Times are ISO 8601 UTC with ms. */
export interface HistoryContent {
  readonly chain: string;
  readonly seq: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly observedAt: string;
  readonly recordedAt: string;
  readonly node: string | null;
  readonly namespace: string | null;
  readonly daemonset: string | null;
  readonly rolloutId: string | null;
  readonly actor: Actor | null;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly data: unknown;
}

/** A history row with its link: `hash = sha256(prevHash || canonicalJson(content))`. */
export interface HistoryEntry extends HistoryContent {
  readonly prevHash: string;
  readonly hash: string;
}

/** Where a chain stands: its last seq and hash (seq 0 and the genesis hash when empty). */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

import { EMPTY_CHAIN_HEAD, hashEntry } from './hash-chain.js';
import type { ChainHead, HistoryEntry } from './history-entry.js';

export type ChainBreak =
  /** The row's content no longer matches its hash. */
  | 'changed'
  /** One or more rows before this one are gone (seq jumps forward). */
  | 'missing'
  /** Rows are out of order (seq goes backwards or repeats). */
  | 'reordered'
  /** The row's hash is consistent but does not point at the previous row: rows were replaced or renumbered. */
  | 'broken-link'
  /** The chain ends before the head that was recorded for it: its last rows are gone. */
  | 'truncated';

export type ChainVerification =
  | { readonly ok: true; readonly verified: number; readonly head: ChainHead }
  | { readonly ok: false; readonly verified: number; readonly seq: number; readonly reason: ChainBreak };

export interface VerifyOptions {
  /** The link before the first row, to verify a slice; the chain's start by default. */
  readonly from?: ChainHead;
  /** The head recorded elsewhere; when given, a chain that stops short of it is reported. */
  readonly expectedHead?: ChainHead;
}

/** Walks rows in the order given and reports the first broken link; `verified` counts the rows before it. */
export function verifyChain(rows: readonly HistoryEntry[], options: VerifyOptions = {}): ChainVerification {
  let previous = options.from ?? EMPTY_CHAIN_HEAD;
  for (const [index, row] of rows.entries()) {
    const broken = (reason: ChainBreak): ChainVerification => ({ ok: false, verified: index, seq: row.seq, reason });
    if (row.seq > previous.seq + 1) return broken('missing');
    if (row.seq <= previous.seq) return broken('reordered');
    if (hashEntry(row.prevHash, row) !== row.hash) return broken('changed');
    if (row.prevHash !== previous.hash) return broken('broken-link');
    previous = { seq: row.seq, hash: row.hash };
  }
  const expected = options.expectedHead;
  if (expected && (expected.seq !== previous.seq || expected.hash !== previous.hash)) {
    return { ok: false, verified: rows.length, seq: previous.seq + 1, reason: 'truncated' };
  }
  return { ok: true, verified: rows.length, head: previous };
}

import type { ChainBreak, ChainHead, ChainVerification } from '#rollcall/domain';

export interface ChainVerificationView {
  readonly chain: string;
  /** Rows found intact, in seq order, before the first break (all of them when ok). */
  readonly rows: number;
  /** The head recorded when the chain was last extended: the anchor its rows were checked against. */
  readonly head: ChainHead;
  readonly ok: boolean;
  readonly firstBreak?: { readonly seq: number; readonly kind: ChainBreak };
}

export interface HistoryVerificationView {
  readonly chains: readonly ChainVerificationView[];
  readonly ok: boolean;
}

export function toChainVerificationView(
  chain: string,
  head: ChainHead,
  verification: ChainVerification,
): ChainVerificationView {
  const { ok, verified: rows } = verification;
  return verification.ok
    ? { chain, rows, head, ok }
    : { chain, rows, head, ok, firstBreak: { seq: verification.seq, kind: verification.reason } };
}

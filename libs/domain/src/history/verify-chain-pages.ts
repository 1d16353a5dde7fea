import { EMPTY_CHAIN_HEAD } from './hash-chain.js';
import type { HistoryEntry } from './history-entry.js';
import { verifyChain, type ChainVerification, type VerifyOptions } from './verify-chain.js';

/**
 * Verifies a chain read page after page in seq order, carrying the last link across pages, so only
 * one page is held at a time; stops reading at the first break. Same answer as verifyChain on all rows.
 */
export async function verifyChainPages(
  pages: AsyncIterable<readonly HistoryEntry[]>,
  options: VerifyOptions = {},
): Promise<ChainVerification> {
  let from = options.from ?? EMPTY_CHAIN_HEAD;
  let verified = 0;
  for await (const page of pages) {
    const result = verifyChain(page, { from });
    if (!result.ok) return { ...result, verified: verified + result.verified };
    verified += result.verified;
    from = result.head;
  }
  const end = verifyChain([], { from, expectedHead: options.expectedHead });
  return { ...end, verified };
}

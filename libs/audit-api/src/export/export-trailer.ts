import type { ChainSlice } from './chain-slices.js';
import type { ExportFilter } from './export.query.js';

export const TRAILER_KIND = 'chain-heads';

/**
 * The last line of an NDJSON export: each chain's slice, so a verifier can check the slice's
 * links from `first.prevHash`, notice a row removed (the counts) and compare `last` with the
 * chain heads the server reports.
 */
export interface ChainHeadsTrailer {
  readonly kind: typeof TRAILER_KIND;
  readonly from: string;
  readonly to: string;
  readonly filters: {
    readonly node?: string;
    readonly namespace?: string;
    readonly daemonset?: string;
    readonly type?: readonly string[];
  };
  readonly rows: number;
  readonly chains: readonly ChainSlice[];
}

export function chainHeadsTrailer(filter: ExportFilter, chains: readonly ChainSlice[]): ChainHeadsTrailer {
  const { from, to, ...filters } = filter;
  return {
    kind: TRAILER_KIND,
    from: from.toISOString(),
    to: to.toISOString(),
    filters,
    rows: chains.reduce((total, slice) => total + slice.rows, 0),
    chains,
  };
}

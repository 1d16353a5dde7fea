/** The links of one exported row that the slice bookkeeping needs. */
export interface ChainLink {
  readonly chain: string;
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

/** The part of one chain an export holds: where it starts and ends, and how many rows it skips. */
export interface ChainSlice {
  readonly chain: string;
  readonly rows: number;
  /** Jumps in seq inside the slice: rows of the chain outside the time range or the filters. */
  readonly gaps: number;
  /** The first exported row's seq and the link before it, to verify the slice from there. */
  readonly first: { readonly seq: number; readonly prevHash: string };
  /** The last exported row's seq and hash, to compare with the chain head `/v1/history/verify` reports. */
  readonly last: { readonly seq: number; readonly hash: string };
}

/**
 * Follows rows given in chain order and keeps one slice per chain, so an export of any size
 * needs memory only for its number of chains.
 */
export class ChainSlices {
  private readonly done: ChainSlice[] = [];
  private readonly left = new Set<string>();
  private current: ChainSlice | undefined;

  add(row: ChainLink): void {
    const current = this.current;
    if (current === undefined || current.chain !== row.chain) {
      if (current !== undefined) {
        this.done.push(current);
        this.left.add(current.chain);
      }
      this.current = {
        chain: row.chain,
        rows: 1,
        gaps: 0,
        first: { seq: row.seq, prevHash: row.prevHash },
        last: { seq: row.seq, hash: row.hash },
      };
      return;
    }
    this.current = {
      ...current,
      rows: current.rows + 1,
      gaps: current.gaps + (row.seq === current.last.seq + 1 ? 0 : 1),
      last: { seq: row.seq, hash: row.hash },
    };
  }

  /** The chain being followed, before `row` is added. */
  lastOf(chain: string): ChainSlice | undefined {
    return this.current?.chain === chain ? this.current : undefined;
  }

  /** True when rows of this chain came before another chain's: they are out of chain order. */
  wasLeft(chain: string): boolean {
    return this.left.has(chain);
  }

  slices(): ChainSlice[] {
    return this.current === undefined ? [...this.done] : [...this.done, this.current];
  }
}

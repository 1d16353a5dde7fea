import type { HistoryEntry } from './history-entry.js';
import { chainOf } from './testing/history-content.fixtures.js';
import { verifyChain } from './verify-chain.js';
import { verifyChainPages } from './verify-chain-pages.js';

/** The rows cut into pages of `size`, counting how many pages were read. */
function paged(
  rows: readonly HistoryEntry[],
  size: number,
): { pages: AsyncIterable<HistoryEntry[]>; read: () => number } {
  let read = 0;
  async function* pages(): AsyncGenerator<HistoryEntry[]> {
    for (let start = 0; start < rows.length; start += size) {
      read += 1;
      yield rows.slice(start, start + size);
    }
  }
  return { pages: pages(), read: () => read };
}

describe('verifyChainPages', () => {
  const rows = chainOf(10);
  const head = { seq: 10, hash: rows[9].hash };

  it('accepts an intact chain read in pages, as verifyChain does on all rows', async () => {
    const { pages, read } = paged(rows, 3);

    expect(await verifyChainPages(pages, { expectedHead: head })).toEqual({ ok: true, verified: 10, head });
    expect(read()).toBe(4);
  });

  it.each([
    ['changed in a later page', (all: HistoryEntry[]) => all.with(4, { ...all[4], data: { n: 'forged' } })],
    ['removed at a page boundary', (all: HistoryEntry[]) => all.toSpliced(3, 1)],
    ['repeated across a page boundary', (all: HistoryEntry[]) => all.toSpliced(3, 0, all[2])],
    ['cut off at the end', (all: HistoryEntry[]) => all.slice(0, 7)],
  ])('reports a row %s where verifyChain on all rows does', async (_, tamper) => {
    const tampered = tamper([...rows]);

    expect(await verifyChainPages(paged(tampered, 3).pages, { expectedHead: head })).toEqual(
      verifyChain(tampered, { expectedHead: head }),
    );
  });

  it('names the seq of the changed row and counts the intact rows of earlier pages', async () => {
    const tampered = rows.with(4, { ...rows[4], data: { n: 'forged' } });

    expect(await verifyChainPages(paged(tampered, 3).pages)).toEqual({
      ok: false,
      verified: 4,
      seq: 5,
      reason: 'changed',
    });
  });

  it('stops reading pages at the first break', async () => {
    const { pages, read } = paged(rows.with(1, { ...rows[1], data: { n: 'forged' } }), 3);

    expect(await verifyChainPages(pages)).toMatchObject({ ok: false, seq: 2 });
    expect(read()).toBe(1);
  });

  it('reports an empty chain whose head was recorded as truncated', async () => {
    expect(await verifyChainPages(paged([], 3).pages, { expectedHead: head })).toEqual({
      ok: false,
      verified: 0,
      seq: 1,
      reason: 'truncated',
    });
  });
});

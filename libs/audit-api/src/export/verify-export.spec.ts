import { appendToChain, EMPTY_CHAIN_HEAD, type HistoryEntry } from '#rollcall/domain';
import type { HistoryEntryView } from '../history/history-entry.view.js';
import { ndjsonLines } from './ndjson-export.js';
import { verifyExport } from './verify-export.js';

const content = (eventId: string, node: string) => ({
  eventId,
  type: 'NodeObserved',
  schemaVersion: 1,
  occurredAt: '2025-01-01T00:00:00.000Z',
  observedAt: '2025-01-01T00:00:01.000Z',
  recordedAt: '2025-01-01T00:00:02.000Z',
  node,
  namespace: null,
  daemonset: null,
  rolloutId: null,
  actor: { kind: 'user' as const, id: 'alice' },
  correlationId: 'c',
  causationId: null,
  data: { name: node, labels: { zone: 'a' } },
});

const viewOf = ({ eventId, ...entry }: HistoryEntry): HistoryEntryView => ({ id: eventId, ...entry });

const chain = (name: string, nodes: readonly string[]): HistoryEntryView[] =>
  appendToChain(
    EMPTY_CHAIN_HEAD,
    name,
    nodes.map((node, index) => content(`${name}-e${index + 1}`, node)),
  ).entries.map(viewOf);

async function exportOf(entries: readonly HistoryEntryView[]): Promise<string[]> {
  async function* source() {
    yield* entries;
  }
  const filter = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-01-02T00:00:00Z') };
  const lines: string[] = [];
  for await (const line of ndjsonLines(source(), filter)) lines.push(line.trimEnd());
  return lines;
}

const twoChains = [...chain('t/0', ['a', 'b', 'c', 'd']), ...chain('t/1', ['a', 'b'])];

describe('verifyExport', () => {
  it('accepts an intact export and returns each chain slice', async () => {
    const lines = await exportOf(twoChains);

    expect(JSON.parse(lines.at(-1) ?? '')).toMatchObject({ kind: 'chain-heads', rows: 6 });
    expect(verifyExport(lines)).toEqual({
      ok: true,
      rows: 6,
      chains: [
        expect.objectContaining({ chain: 't/0', rows: 4, gaps: 0, last: { seq: 4, hash: twoChains[3].hash } }),
        expect.objectContaining({ chain: 't/1', rows: 2, gaps: 0, first: { seq: 1, prevHash: '0'.repeat(64) } }),
      ],
    });
  });

  it('reports a tampered line as changed', async () => {
    const lines = await exportOf(twoChains);
    lines[2] = lines[2].replace('"zone":"a"', '"zone":"b"');

    expect(verifyExport(lines)).toEqual({ ok: false, line: 3, reason: 'changed', chain: 't/0', seq: 3 });
  });

  it('reports a removed line in the middle of a chain as missing', async () => {
    const lines = await exportOf(twoChains);
    lines.splice(1, 1);

    expect(verifyExport(lines)).toEqual({ ok: false, line: 2, reason: 'missing', chain: 't/0', seq: 3 });
  });

  it('reports the last line of a chain removed against the trailer', async () => {
    const lines = await exportOf(twoChains);
    lines.splice(3, 1);

    expect(verifyExport(lines)).toMatchObject({ ok: false, reason: 'truncated', chain: 't/0', seq: 4 });
  });

  it('accepts the gaps the trailer declares for a filtered export, and no more', async () => {
    const sliced = twoChains.filter((entry) => entry.node !== 'b');
    const lines = await exportOf(sliced);
    const withoutAnother = lines.filter((_, index) => index !== 1);

    expect(verifyExport(lines)).toMatchObject({ ok: true, rows: 4 });
    expect(verifyExport(withoutAnother)).toMatchObject({ ok: false, reason: 'missing', chain: 't/0' });
  });

  it('reports a rewritten link, reordered rows, a missing trailer and a line that is not an entry', async () => {
    const lines = await exportOf(twoChains);
    const relinked = [...lines];
    relinked[1] = JSON.stringify({ ...JSON.parse(lines[1]), prevHash: 'f'.repeat(64) });
    const reordered = [lines[1], lines[0], ...lines.slice(2)];

    expect(verifyExport(relinked)).toMatchObject({ ok: false, line: 2, reason: 'changed' });
    expect(verifyExport(reordered)).toMatchObject({ ok: false, line: 2, reason: 'reordered' });
    expect(verifyExport(lines.slice(0, -1))).toMatchObject({ ok: false, reason: 'no-trailer' });
    expect(verifyExport(['{"chain":', ...lines])).toMatchObject({ ok: false, line: 1, reason: 'unreadable' });
  });
});

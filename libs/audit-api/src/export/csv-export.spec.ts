import { text } from 'node:stream/consumers';
import type { HistoryEntryView } from '../history/history-entry.view.js';
import { CSV_COLUMNS, csvStream } from './csv-export.js';

const entry: HistoryEntryView = {
  id: 'Pod/p-1/7/present',
  type: 'PodObserved',
  schemaVersion: 1,
  occurredAt: '2025-01-01T00:00:00.000Z',
  observedAt: '2025-01-01T00:00:01.000Z',
  recordedAt: '2025-01-01T00:00:02.000Z',
  actor: null,
  node: 'node-a',
  namespace: 'ops',
  daemonset: null,
  rolloutId: null,
  correlationId: 'c, "quoted"',
  causationId: null,
  data: { note: 'line one\nline "two"' },
  chain: 't/0',
  seq: 7,
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
};

describe('csvStream', () => {
  it('writes a header and RFC 4180 records: JSON columns, empty cells for null, quotes doubled', async () => {
    async function* entries() {
      yield entry;
    }
    const csv = await text(csvStream(entries()));
    const [header, ...rest] = csv.split('\r\n');

    expect(header).toBe(CSV_COLUMNS.join(','));
    expect(rest.join('\r\n')).toBe(
      `t/0,7,${'a'.repeat(64)},${'b'.repeat(64)},Pod/p-1/7/present,PodObserved,1,2025-01-01T00:00:00.000Z,` +
        '2025-01-01T00:00:01.000Z,2025-01-01T00:00:02.000Z,,node-a,ops,,,"c, ""quoted""",,' +
        '"{""note"":""line one\\nline \\""two\\""""}"\r\n',
    );
  });
});

import { jest } from '@jest/globals';
import { hashEntry } from '#rollcall/domain';
import { auditApiOverClusterHistory } from '../testing/audit-api.test-app.js';
import { at, CLUSTER_HISTORY } from '../testing/cluster-history.scenario.js';
import type { HistoryEntryView } from '../history/history-entry.view.js';
import { fieldsOf, type PageBody } from '../testing/problem.js';
import { CSV_COLUMNS } from './csv-export.js';
import { verifyExport } from './verify-export.js';

jest.setTimeout(60_000);

const api = auditApiOverClusterHistory();

async function download(query: string, token = api.tokens.auditor) {
  const response = await fetch(`${await api.app.getUrl()}/v1/history/export?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const RANGE = `from=${at(10)}&to=${at(30)}`;
const inRange = CLUSTER_HISTORY.filter((event) => event.occurredAt >= at(10) && event.occurredAt < at(30));

describe('GET /v1/history/export', () => {
  it('streams a range as NDJSON in chain order, with a trailer that verifies the slice', async () => {
    const { status, headers, text } = await download(RANGE);
    const lines = text.trimEnd().split('\n');
    const rows = lines.slice(0, -1).map((line) => JSON.parse(line) as { id: string; seq: number });

    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(headers.get('content-disposition')).toBe(
      'attachment; filename=rollcall-history-20250101T000010Z-20250101T000030Z.ndjson',
    );
    expect(rows.map((row) => row.id)).toEqual(inRange.map((event) => event.id));
    expect(rows.map((row) => row.seq)).toEqual([...rows.map((row) => row.seq)].sort((left, right) => left - right));
    expect(JSON.parse(lines.at(-1) ?? '')).toMatchObject({
      kind: 'chain-heads',
      rows: inRange.length,
      chains: [{ chain: 'rollcall.cluster.v1/0', rows: inRange.length, gaps: 0, first: { seq: 7 } }],
    });
    expect(verifyExport(lines)).toMatchObject({ ok: true, rows: inRange.length });
  });

  it('applies the filters and still verifies, counting the skipped rows as declared gaps', async () => {
    const { text } = await download(`from=${at(10)}&to=${at(31)}&node=node-a&type=PodDeleted`);
    const lines = text.trimEnd().split('\n');

    expect(lines).toHaveLength(3);
    expect(verifyExport(lines)).toMatchObject({ ok: true, rows: 2, chains: [expect.objectContaining({ gaps: 1 })] });
    expect(verifyExport([lines[1], lines[2]])).toMatchObject({ ok: false, reason: 'missing' });
    expect(verifyExport([lines[0], lines[2]])).toMatchObject({ ok: false, reason: 'truncated' });
  });

  it('streams CSV with a header, one record per entry and the fields to recompute each hash', async () => {
    const { status, headers, text } = await download(`${RANGE}&format=csv`);
    const [header, ...records] = text.trimEnd().split('\r\n');
    const first = inRange[0];

    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^text\/csv/);
    expect(headers.get('content-disposition')).toMatch(/filename=rollcall-history-.*\.csv$/);
    expect(header).toBe(CSV_COLUMNS.join(','));
    expect(records).toHaveLength(inRange.length);
    expect(records[0]).toContain(`,${first.id},${first.type},`);
    expect(records.every((record) => record.endsWith('}"'))).toBe(true);
  });

  it('holds the same entries and hashes as /v1/history over the range', async () => {
    const { text } = await download(RANGE);
    const exported = text
      .trimEnd()
      .split('\n')
      .slice(0, -1)
      .map((line) => JSON.parse(line) as HistoryEntryView);
    const listed = await api.get(`/v1/history?${RANGE}&limit=1000`, api.tokens.auditor);

    expect(exported).toEqual(expect.arrayContaining((listed.body as PageBody<HistoryEntryView>).items));
    expect(exported).toHaveLength(inRange.length);
    for (const row of exported) expect(hashEntry(row.prevHash, { ...row, eventId: row.id })).toBe(row.hash);
  });

  it('answers a missing, reversed or too long range and an unknown format with 422 naming the field', async () => {
    const cases: Record<string, string> = {
      from: `to=${at(30)}`,
      to: `from=${at(30)}&to=${at(10)}`,
      format: `${RANGE}&format=xml`,
    };
    for (const [field, query] of Object.entries(cases)) {
      const refused = await download(query);

      expect({ query, status: refused.status, fields: fieldsOf(JSON.parse(refused.text)) }).toEqual({
        query,
        status: 422,
        fields: [field],
      });
    }
    const tooLong = await download('from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z');
    expect(tooLong.status).toBe(422);
    expect(JSON.parse(tooLong.text)).toMatchObject({
      errors: [{ field: 'to', reason: expect.stringMatching(/31 days/) }],
    });
  });

  it('is for auditors and admins only', async () => {
    const statuses = await Promise.all(
      (['viewer', 'operator', 'auditor', 'admin'] as const).map(
        async (role) => (await download(RANGE, api.tokens[role])).status,
      ),
    );

    expect(statuses).toEqual([403, 403, 200, 200]);
  });
});

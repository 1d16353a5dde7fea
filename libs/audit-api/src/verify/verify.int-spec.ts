import { jest } from '@jest/globals';
import { tamperBehindTriggers } from '#rollcall/testing';
import { auditApiOverClusterHistory } from '../testing/audit-api.test-app.js';
import { at, CLUSTER_HISTORY } from '../testing/cluster-history.scenario.js';
import { fieldsOf } from '../testing/problem.js';
import type { HistoryVerificationView } from './chain-verification.view.js';

jest.setTimeout(60_000);

const CHAIN = 'rollcall.cluster.v1/0';

// Pages of 4 rows: the scenario's chain spans 5 pages, seq 5..8 form the second.
const api = auditApiOverClusterHistory({ verifyPageRows: 4 });

const tamper = (sql: string): Promise<void> => tamperBehindTriggers(api.schema.pool, sql);

const verify = async (query = '', token = api.tokens.auditor) => api.get(`/v1/history/verify?${query}`, token);

const COLUMNS =
  'chain, seq, event_id, type, schema_version, occurred_at, observed_at, recorded_at, node, namespace, daemonset, ' +
  'rollout_id, actor, correlation_id, causation_id, data, prev_hash, hash';

const chainRows = `chain = '${CHAIN}'`;

describe('GET /v1/history/verify', () => {
  it('reports an intact chain read over several pages with its rows and recorded head', async () => {
    const intact = await verify();
    const one = await verify(`chain=${encodeURIComponent(CHAIN)}`);
    const head = await api.schema.pool.query<{ last_hash: string }>('select last_hash from history_chain_heads');

    expect(intact.status).toBe(200);
    expect(intact.body).toEqual({
      ok: true,
      chains: [
        {
          chain: CHAIN,
          rows: CLUSTER_HISTORY.length,
          head: { seq: CLUSTER_HISTORY.length, hash: head.rows[0].last_hash },
          ok: true,
        },
      ],
    });
    expect(one.body).toEqual(intact.body);
  });

  it('reports a row changed in the second page, with the rows of the first page intact', async () => {
    await tamper(`update history set data = data || '{"forged": true}' where ${chainRows} and seq = 6`);
    const broken = await verify();
    await tamper(`update history set data = data - 'forged' where ${chainRows} and seq = 6`);
    const restored = await verify();

    expect(broken.body).toEqual({
      ok: false,
      chains: [expect.objectContaining({ chain: CHAIN, rows: 5, ok: false, firstBreak: { seq: 6, kind: 'changed' } })],
    });
    expect(restored.body).toMatchObject({ ok: true });
  });

  it('reports a row repeated across a page boundary, which a seq-only page cursor would skip', async () => {
    await tamper(
      `insert into history (${COLUMNS}) select ${COLUMNS.replace('recorded_at', "recorded_at + interval '1 microsecond'")}` +
        ` from history where ${chainRows} and seq = 8`,
    );
    const broken = await verify();
    await tamper(
      `delete from history where ${chainRows} and seq = 8` +
        ` and recorded_at = (select max(recorded_at) from history where ${chainRows} and seq = 8)`,
    );
    const restored = await verify();

    expect(broken.body).toEqual({
      ok: false,
      chains: [expect.objectContaining({ rows: 8, ok: false, firstBreak: { seq: 8, kind: 'reordered' } })],
    });
    expect(restored.body).toMatchObject({ ok: true });
  });

  it('narrows to chains with entries in a time range', async () => {
    const before = await verify(`from=2024-01-01T00:00:00Z&to=2024-02-01T00:00:00Z`);
    const during = await verify(`from=${at(0)}&to=${at(60)}`);

    expect(before.body).toEqual({ ok: true, chains: [] });
    expect((during.body as HistoryVerificationView).chains.map((chain) => chain.chain)).toEqual([CHAIN]);
  });

  it('refuses an unknown chain or a bad range with 422, and a viewer with 403', async () => {
    const unknown = await verify('chain=nowhere/0');
    const reversed = await verify(`from=${at(30)}&to=${at(10)}`);
    const viewer = await verify('', api.tokens.viewer);
    const admin = await verify('', api.tokens.admin);

    expect([unknown.status, reversed.status, viewer.status, admin.status]).toEqual([422, 422, 403, 200]);
    expect(fieldsOf(unknown.body)).toEqual(['chain']);
    expect(fieldsOf(reversed.body)).toEqual(['to']);
  });

  it('reports the newest rows removed against the recorded head, past the last full page', async () => {
    await tamper(`delete from history where ${chainRows} and seq > 17`);

    expect((await verify()).body).toEqual({
      ok: false,
      chains: [expect.objectContaining({ rows: 17, ok: false, firstBreak: { seq: 18, kind: 'truncated' } })],
    });
  });
});

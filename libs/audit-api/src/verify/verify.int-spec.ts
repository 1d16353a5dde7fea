import { jest } from '@jest/globals';
import { auditApiOverClusterHistory } from '../testing/audit-api.test-app.js';
import { at, CLUSTER_HISTORY } from '../testing/cluster-history.scenario.js';
import { fieldsOf } from '../testing/problem.js';
import type { HistoryVerificationView } from './chain-verification.view.js';

jest.setTimeout(60_000);

const CHAIN = 'rollcall.cluster.v1/0';

const api = auditApiOverClusterHistory();

/** Runs SQL with the append-only triggers off, as a superuser could: the chain must catch it. */
async function tamper(sql: string): Promise<void> {
  const client = await api.schema.pool.connect();
  try {
    await client.query('SET session_replication_role = replica');
    await client.query(sql);
  } finally {
    await client.query('RESET session_replication_role');
    client.release();
  }
}

const verify = async (query = '', token = api.tokens.auditor) => api.get(`/v1/history/verify?${query}`, token);

describe('GET /v1/history/verify', () => {
  it('reports intact chains with their rows and recorded head, then the first break after tampering', async () => {
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

    await tamper(
      `update history set data = jsonb_set(data, '{name}', '"forged"') where chain = '${CHAIN}' and seq = 5`,
    );
    const broken = await verify();

    expect(broken.body).toEqual({
      ok: false,
      chains: [expect.objectContaining({ chain: CHAIN, rows: 4, ok: false, firstBreak: { seq: 5, kind: 'changed' } })],
    });
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
});

import { jest } from '@jest/globals';
import {
  E2E_ADMIN_TOKEN,
  eventually,
  getJson,
  startReadyAllInOne,
  type AllInOne,
} from './support/all-in-one.process.js';

jest.setTimeout(120_000);

interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

interface NodeState {
  readonly node: string;
  readonly ready: boolean;
  readonly upToDate: boolean;
}

const SIM_NODES = 12;

describe('the all-in-one watches the simulated cluster, projects it and answers auditors', () => {
  let app: AllInOne;

  beforeAll(async () => {
    app = await startReadyAllInOne(SIM_NODES);
  });

  afterAll(async () => {
    await app?.dispose();
  });

  it('shows the seeded log-collector with one Ready, up-to-date row per node within seconds', async () => {
    const page = await eventually(
      'one Ready row per node for default/log-collector',
      async () => {
        const nodes = await getJson<Page<NodeState>>(app, '/v1/daemonsets/default/log-collector/nodes?limit=100');
        const ready = nodes?.items.filter((row) => row.ready && row.upToDate) ?? [];
        return ready.length === SIM_NODES ? nodes : undefined;
      },
      60_000,
      app,
    );

    expect(new Set(page.items.map((row) => row.node)).size).toBe(SIM_NODES);
  });

  it('records the pod observations in the verifiable history and answers what ran on a node at a time', async () => {
    const history = await eventually(
      'PodObserved rows in the history',
      async () => {
        const found = await getJson<Page<{ type: string; node: string | null; hash: string; prevHash: string | null }>>(
          app,
          '/v1/history?type=PodObserved&limit=50',
        );
        return found !== undefined && found.items.length > 0 ? found : undefined;
      },
      30_000,
      app,
    );
    const node = history.items[0].node ?? '';
    const atTime = await getJson<{ daemonSetPods: readonly { daemonSet: string | null }[] }>(
      app,
      `/v1/nodes/${node}/daemonsets?at=${encodeURIComponent(new Date().toISOString())}`,
    );

    expect(history.items.every((entry) => /^[0-9a-f]{64}$/.test(entry.hash))).toBe(true);
    expect(atTime?.daemonSetPods.map((pod) => pod.daemonSet)).toContain('log-collector');
  });

  it('records an API change in the history with its actor', async () => {
    const created = await fetch(`${app.base}/v1/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'dora', roles: ['auditor'] }),
    });
    const recorded = await eventually(
      'TokenCreated in the history',
      async () => {
        const page = await getJson<
          Page<{ type: string; actor: { kind: string; id: string }; data: { name?: string } }>
        >(app, '/v1/history?type=TokenCreated&limit=50');
        return page?.items.find((entry) => JSON.stringify(entry.data).includes('dora'));
      },
      30_000,
      app,
    );

    expect(created.status).toBe(201);
    expect(recorded.actor.kind).toBe('user');
  });

  it('refuses an anonymous caller with problem details', async () => {
    const response = await fetch(`${app.base}/v1/history`);

    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});

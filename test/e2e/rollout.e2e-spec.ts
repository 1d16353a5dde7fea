import { jest } from '@jest/globals';
import { rolloutRequestExample } from '#rollcall/testing';
import {
  E2E_ADMIN_TOKEN,
  eventually,
  getJson,
  startReadyAllInOne,
  type AllInOne,
} from './support/all-in-one.process.js';

jest.setTimeout(180_000);

const SIM_NODES = 9;

/** The request example of issue #5, with a canary bake short enough for the test. */
const ROLLOUT = rolloutRequestExample({ canaryBakeSeconds: 1 });

interface RolloutView {
  readonly id: string;
  readonly status: string;
  readonly currentStage?: string;
}

async function post(app: AllInOne, path: string, token: string, body: unknown, key?: string): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  if (key !== undefined) headers['idempotency-key'] = key;
  return fetch(`${app.base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

async function tokenFor(app: AllInOne, name: string, role: string): Promise<string> {
  const response = await post(app, '/v1/tokens', E2E_ADMIN_TOKEN, { name, roles: [role] });
  return ((await response.json()) as { token: string }).token;
}

async function statusOf(app: AllInOne, id: string): Promise<RolloutView | undefined> {
  return getJson<RolloutView>(app, `/v1/rollouts/${id}`);
}

describe('a staged rollout through the REST API of the all-in-one, on the simulated cluster', () => {
  let app: AllInOne;

  beforeAll(async () => {
    app = await startReadyAllInOne(SIM_NODES);
  });

  afterAll(async () => {
    await app?.dispose();
  });

  it('runs the request example stage by stage behind its approvals and leaves every node on the new image', async () => {
    const [alice, bob, carol] = [
      await tokenFor(app, 'alice', 'operator'),
      await tokenFor(app, 'bob', 'approver'),
      await tokenFor(app, 'carol', 'approver'),
    ];
    await eventually(
      'the DaemonSet projected',
      () => getJson(app, '/v1/daemonsets/default/log-collector'),
      30_000,
      app,
    );

    const created = await post(app, '/v1/rollouts', alice, ROLLOUT, 'e2e-rollout-1');
    const rollout = (await created.json()) as RolloutView;
    const second = await post(app, '/v1/rollouts', alice, ROLLOUT, 'e2e-rollout-2');
    await eventually(
      'the canary awaiting approval',
      async () => {
        const view = await statusOf(app, rollout.id);
        return view?.status === 'AwaitingApproval' && view.currentStage === 'canary' ? view : undefined;
      },
      30_000,
      app,
    );
    const approvedCanary = await post(app, `/v1/rollouts/${rollout.id}/approve`, bob, { comment: 'canary ok' });
    await eventually(
      'the last stage awaiting approval',
      async () => {
        const view = await statusOf(app, rollout.id);
        return view?.status === 'AwaitingApproval' && view.currentStage === 'rest' ? view : undefined;
      },
      60_000,
      app,
    );
    const selfApproval = await post(app, `/v1/rollouts/${rollout.id}/approve`, alice, {});
    await post(app, `/v1/rollouts/${rollout.id}/approve`, bob, {});
    await post(app, `/v1/rollouts/${rollout.id}/approve`, carol, {});
    const finished = await eventually(
      'the rollout to finish',
      async () => {
        const view = await statusOf(app, rollout.id);
        return view !== undefined && ['Succeeded', 'Failed', 'RolledBack', 'Aborted'].includes(view.status)
          ? view
          : undefined;
      },
      90_000,
      app,
    );
    const nodes = await eventually(
      'every node on the new image in the projection',
      async () => {
        const page = await getJson<{ items: { images: string[]; upToDate: boolean; ready: boolean }[] }>(
          app,
          '/v1/daemonsets/default/log-collector/nodes?limit=100',
        );
        const done = page?.items.filter((row) => row.ready && row.upToDate && row.images.includes('busybox:1.37'));
        return done?.length === SIM_NODES ? page : undefined;
      },
      30_000,
      app,
    );

    const history = await eventually(
      'the rollout events in the history',
      async () => {
        const page = await getJson<{ items: { type: string; actor: { id: string } | null }[] }>(
          app,
          `/v1/history?rollout=${rollout.id}&limit=500`,
        );
        return page?.items.some((entry) => entry.type === 'RolloutSucceeded') ? page : undefined;
      },
      30_000,
      app,
    );
    const approvers = history.items.filter((entry) => entry.type === 'StageApprovalGranted').map((e) => e.actor?.id);
    const daemonSetHistory = await getJson<{ items: { rolloutId: string | null }[] }>(
      app,
      '/v1/history?namespace=default&daemonset=log-collector&type=RolloutSucceeded,StageApprovalGranted',
    );

    expect(created.status).toBe(201);
    expect(history.items[0]).toMatchObject({ type: 'RolloutRequested', actor: { id: 'alice' } });
    expect(approvers.sort()).toEqual(['bob', 'bob', 'carol']);
    // An auditor asking for the DaemonSet's history sees its rollouts too.
    expect(daemonSetHistory?.items.map((entry) => entry.rolloutId)).toEqual([
      rollout.id,
      rollout.id,
      rollout.id,
      rollout.id,
    ]);
    expect(second.status).toBe(409);
    expect(approvedCanary.status).toBe(200);
    expect(selfApproval.status).toBe(403);
    expect(finished.status).toBe('Succeeded');
    expect(nodes?.items).toHaveLength(SIM_NODES);
  });
});

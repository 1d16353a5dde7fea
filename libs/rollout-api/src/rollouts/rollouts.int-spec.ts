import { jest } from '@jest/globals';
import { waitUntil } from '#rollcall/kube-sim';
import { httpClient } from '#rollcall/testing';
import { RolloutApiTestApp } from '../testing/rollout-api.test-app.js';
import { logCollectorRollout } from '../testing/rollout-request.fixture.js';

jest.setTimeout(90_000);

interface Problem {
  type: string;
  status: number;
  code?: string;
  detail: string;
  errors?: { field: string; reason: string }[];
}
interface Rollout {
  id: string;
  status: string;
  requestedBy: { kind: string; id: string };
}
interface Page {
  items: Rollout[];
  nextCursor: string | null;
}

let env: RolloutApiTestApp;
let call: ReturnType<typeof httpClient>;
let operator: string;
let viewer: string;

beforeAll(async () => {
  env = await RolloutApiTestApp.start(8, 100);
  call = httpClient(env.base);
  await env.createDaemonSet('default', 'log-collector');
  [operator, viewer] = await Promise.all([env.token('alice', ['operator']), env.token('victor', ['viewer'])]);
});

afterAll(async () => {
  await env?.close();
});

describe('POST /v1/rollouts/plan', () => {
  it('shows each stage with its batches and nodes, the PDBs and warnings, and starts nothing', async () => {
    const planned = await call<{
      desiredPods: number;
      stages: { name: string; nodeCount: number; batchSize: number; batches: { nodes: { name: string }[] }[] }[];
      pdbs: unknown[];
      warnings: unknown[];
    }>('POST', '/v1/rollouts/plan', { token: viewer, body: logCollectorRollout('busybox:1.37') });
    const listed = await call<Page>('GET', '/v1/rollouts', { token: viewer });

    expect(planned.status).toBe(200);
    expect(planned.body.desiredPods).toBe(8);
    expect(planned.body.stages.map((stage) => [stage.name, stage.nodeCount, stage.batchSize])).toEqual([
      ['canary', 1, 1],
      ['rest', 7, 1],
    ]);
    expect(planned.body.stages[1].batches).toHaveLength(7);
    expect(new Set(planned.body.stages.flatMap((s) => s.batches.flatMap((b) => b.nodes.map((n) => n.name)))).size).toBe(
      8,
    );
    expect(planned.body.pdbs).toEqual([]);
    expect(Array.isArray(planned.body.warnings)).toBe(true);
    expect(listed.body.items).toEqual([]);
  });
});

describe('POST /v1/rollouts', () => {
  it('answers 422 naming each invalid field as the request spells it', async () => {
    const body = logCollectorRollout('busybox:1.37');
    const invalid = {
      ...body,
      reason: '',
      strategy: {
        ...body.strategy,
        stages: [body.strategy.stages[0], { ...body.strategy.stages[1], maxUnavailable: '250%' }],
      },
    };

    const refused = await call<Problem>('POST', '/v1/rollouts', { token: operator, body: invalid });

    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body.code).toBe('validation-failed');
    expect(refused.body.errors?.map((error) => error.field).sort()).toEqual([
      'reason',
      'strategy.stages[1].maxUnavailable',
    ]);
  });

  it('answers 422 for a container the DaemonSet does not have, on the plan and on the request, and starts nothing', async () => {
    const body = {
      ...logCollectorRollout('busybox:1.37'),
      change: { containers: [{ name: 'x', image: 'busybox:1.37' }] },
    };
    const expected = [
      {
        field: 'change.containers[0].name',
        reason: 'DaemonSet default/log-collector has no container named x; it has: log-collector',
      },
    ];

    const planned = await call<Problem>('POST', '/v1/rollouts/plan', { token: operator, body });
    const refused = await call<Problem>('POST', '/v1/rollouts', { token: operator, body });
    const listed = await call<Page>('GET', '/v1/rollouts?daemonSet=log-collector&state=Pending', { token: operator });

    expect([planned.status, refused.status]).toEqual([422, 422]);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body.code).toBe('validation-failed');
    expect(planned.body.errors).toEqual(expected);
    expect(refused.body.errors).toEqual(expected);
    expect(listed.body.items).toEqual([]);
  });

  it('answers 404 for a DaemonSet the cluster does not have', async () => {
    const body = { ...logCollectorRollout('busybox:1.37'), daemonSet: { namespace: 'default', name: 'nope' } };

    const missing = await call<Problem>('POST', '/v1/rollouts', { token: operator, body });

    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ type: 'urn:rollcall:problem:daemonset-not-found', status: 404 });
  });

  it('creates a rollout (201, Location), replays it for the same Idempotency-Key and refuses a second active one', async () => {
    const body = logCollectorRollout('busybox:1.37');
    const headers = { 'idempotency-key': 'chg-1234-start' };

    const created = await call<Rollout>('POST', '/v1/rollouts', { token: operator, body, headers });
    const replayed = await call<Rollout>('POST', '/v1/rollouts', { token: operator, body, headers });
    const second = await call<Problem>('POST', '/v1/rollouts', { token: operator, body });
    const listed = await call<Page>('GET', '/v1/rollouts?daemonSet=log-collector', { token: viewer });

    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/v1/rollouts/${created.body.id}`);
    expect(created.body.requestedBy).toEqual({ kind: 'user', id: 'alice', displayName: 'alice' });
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.headers.get('location')).toBe(`/v1/rollouts/${created.body.id}`);
    expect(replayed.body).toEqual(created.body);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('active-rollout-exists');
    expect(listed.body.items.map((item) => item.id)).toEqual([created.body.id]);
  });
});

describe('GET /v1/rollouts', () => {
  it('filters by namespace, state and DaemonSet, and refuses unknown states and foreign cursors', async () => {
    const active = await waitUntil(
      () => call<Page>('GET', '/v1/rollouts?namespace=default&state=AwaitingApproval&limit=1', { token: viewer }),
      (answer) => answer.body.items.length === 1,
    );
    const none = await call<Page>('GET', '/v1/rollouts?state=Succeeded', { token: viewer });
    const bogus = await call<Problem>('GET', '/v1/rollouts?state=Bogus', { token: viewer });
    const badCursor = await call<Problem>('GET', '/v1/rollouts?cursor=garbage', { token: viewer });

    expect(active.body.items).toHaveLength(1);
    expect(active.body.nextCursor).toBeNull();
    expect(none.body.items).toEqual([]);
    expect(bogus.status).toBe(422);
    expect(bogus.body.errors?.[0].field).toBe('state');
    expect(badCursor.status).toBe(422);
    expect(badCursor.body.code).toBe('invalid-cursor');
  });

  it('answers 404 for an unknown rollout id', async () => {
    const missing = await call<Problem>('GET', '/v1/rollouts/00000000-0000-4000-8000-000000000000', { token: viewer });

    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('rollout-not-found');
  });
});

describe('authentication and roles', () => {
  it('answers 401 without a token and 403 when the role does not allow the route', async () => {
    const anonymous = await call<Problem>('GET', '/v1/rollouts');
    const viewerStarts = await call<Problem>('POST', '/v1/rollouts', {
      token: viewer,
      body: logCollectorRollout('x:1'),
    });

    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(anonymous.body).toMatchObject({ type: 'urn:rollcall:problem:missing-token', instance: '/v1/rollouts' });
    expect(viewerStarts.status).toBe(403);
    expect(viewerStarts.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(viewerStarts.body.code).toBe('forbidden');
  });

  it('documents every rollout route with bearer security in the OpenAPI document', async () => {
    const document = await call<{ paths: Record<string, Record<string, { security?: unknown[]; summary?: string }>> }>(
      'GET',
      '/openapi.json',
    );
    const paths = document.body.paths;

    expect(
      Object.keys(paths)
        .filter((path) => path.startsWith('/v1/rollouts'))
        .sort(),
    ).toEqual(
      [
        '',
        '/plan',
        '/{id}',
        '/{id}/abort',
        '/{id}/approve',
        '/{id}/events',
        '/{id}/pause',
        '/{id}/reject',
        '/{id}/resume',
        '/{id}/rollback',
      ].map((p) => `/v1/rollouts${p}`),
    );
    expect(paths['/v1/rollouts/{id}/approve'].post.security).toEqual([{ bearer: [] }]);
    expect(paths['/v1/rollouts'].post.summary).toMatch(/rollout/);
  });
});

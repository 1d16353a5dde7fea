import { jest } from '@jest/globals';
import { waitUntil } from '#rollcall/kube-sim';
import { httpClient } from '#rollcall/testing';
import { RolloutApiTestApp } from '../testing/rollout-api.test-app.js';
import { logCollectorRollout } from '../testing/rollout-request.fixture.js';

jest.setTimeout(120_000);

interface Problem {
  status: number;
  code?: string;
  errors?: { field: string }[];
}
interface Rollout {
  id: string;
  status: string;
  currentStage: string | null;
  nodes: { name: string; status: string }[];
}
interface Page {
  items: { id: string }[];
  nextCursor: string | null;
}

let env: RolloutApiTestApp;
let call: ReturnType<typeof httpClient>;
const tokens = { operator: '', selfApprover: '', bob: '', carol: '' };

const rollout = (id: string) => call<Rollout>('GET', `/v1/rollouts/${id}`, { token: tokens.bob });
const command = (id: string, kind: string, token: string, body?: unknown, headers?: Record<string, string>) =>
  call<Rollout & Problem>('POST', `/v1/rollouts/${id}/${kind}`, { token, body, headers });
const until = (id: string, done: (view: Rollout) => boolean, timeoutMs = 30_000) =>
  waitUntil(async () => (await rollout(id)).body, done, timeoutMs);

beforeAll(async () => {
  env = await RolloutApiTestApp.start(8, 100);
  call = httpClient(env.base);
  await env.createDaemonSet('default', 'log-collector');
  tokens.operator = await env.token('alice', ['operator']);
  tokens.selfApprover = await env.token('alice', ['approver']);
  tokens.bob = await env.token('bob', ['approver']);
  tokens.carol = await env.token('bot:carol', ['approver']);
});

afterAll(async () => {
  await env?.close();
});

describe('rollout commands over HTTP', () => {
  let first: string;

  it('refuses self-approval by the requester (409 with the saga reason) and approval by an operator (403)', async () => {
    const created = await call<Rollout>('POST', '/v1/rollouts', {
      token: tokens.operator,
      body: logCollectorRollout('busybox:1.37'),
    });
    first = created.body.id;
    await until(first, (view) => view.status === 'AwaitingApproval');

    const self = await command(first, 'approve', tokens.selfApprover);
    const byOperator = await command(first, 'approve', tokens.operator);

    expect(self.status).toBe(409);
    expect(self.body.code).toBe('RequesterCannotApprove');
    expect(byOperator.status).toBe(403);
  });

  it('validates the comment', async () => {
    const tooLong = await command(first, 'approve', tokens.bob, { comment: 'x'.repeat(1001) });
    const notText = await command(first, 'approve', tokens.bob, { comment: 42 });
    const unknownField = await command(first, 'pause', tokens.operator, { why: 'because' });

    expect([tooLong.status, notText.status, unknownField.status]).toEqual([422, 422, 422]);
    expect(tooLong.body.errors?.map((error) => error.field)).toEqual(['comment']);
    expect(notText.body.errors?.map((error) => error.field)).toEqual(['comment']);
    expect(unknownField.body.errors?.map((error) => error.field)).toEqual(['(root)']);
  });

  it('counts one approver once, replays an approval retried with its Idempotency-Key, and reaches Succeeded', async () => {
    const canary = await command(first, 'approve', tokens.bob, { stage: 'canary', comment: 'canary ok' });
    await until(first, (view) => view.status === 'AwaitingApproval' && view.currentStage === 'rest');
    const bobOnRest = await command(first, 'approve', tokens.bob);
    const bobAgain = await command(first, 'approve', tokens.bob);
    const headers = { 'idempotency-key': 'carol-approves-rest' };
    const carol = await command(first, 'approve', tokens.carol, { comment: 'rest ok' }, headers);
    const carolRetried = await command(first, 'approve', tokens.carol, { comment: 'rest ok' }, headers);

    const finished = await until(first, (view) => view.status === 'Succeeded', 60_000);
    const late = await command(first, 'approve', tokens.bob);

    expect(canary.status).toBe(200);
    expect(bobOnRest.status).toBe(200);
    expect(bobAgain.status).toBe(409);
    expect(bobAgain.body.code).toBe('AlreadyApprovedByActor');
    expect(carol.status).toBe(200);
    expect(carolRetried.headers.get('idempotent-replayed')).toBe('true');
    expect(carolRetried.body).toEqual(carol.body);
    expect(finished.nodes.map((node) => node.status)).toEqual(Array(8).fill('Updated'));
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('RolloutNotAwaitingApproval');
  });

  it('pauses, resumes and aborts a second rollout, after which an approval is refused', async () => {
    const created = await call<Rollout>('POST', '/v1/rollouts', {
      token: tokens.operator,
      body: logCollectorRollout('busybox:1.38'),
    });
    const id = created.body.id;
    await until(id, (view) => view.status === 'AwaitingApproval');

    const paused = await command(id, 'pause', tokens.operator, { comment: 'change freeze' });
    const pausedAgain = await command(id, 'pause', tokens.operator);
    const resumed = await command(id, 'resume', tokens.operator);
    const aborted = await command(id, 'abort', tokens.operator, { comment: 'wrong image' });
    const approveAfterAbort = await command(id, 'approve', tokens.bob);
    const abortAgain = await command(id, 'abort', tokens.operator);
    const unknown = await command('00000000-0000-4000-8000-000000000000', 'abort', tokens.operator);

    expect(created.status).toBe(201);
    expect(paused.body.status).toBe('Paused');
    expect(pausedAgain.body.code).toBe('RolloutAlreadyPaused');
    expect(resumed.body.status).toBe('AwaitingApproval');
    expect(aborted.body.status).toBe('Aborted');
    expect(approveAfterAbort.status).toBe(409);
    expect(approveAfterAbort.body.code).toBe('RolloutNotAwaitingApproval');
    expect(abortAgain.status).toBe(409);
    expect(abortAgain.body.code).toBe('RolloutFinished');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('rollout-not-found');
  });

  it('pages through the rollouts newest first', async () => {
    const page1 = await call<Page>('GET', '/v1/rollouts?limit=1', { token: tokens.bob });
    const page2 = await call<Page>(`GET`, `/v1/rollouts?limit=1&cursor=${page1.body.nextCursor}`, {
      token: tokens.bob,
    });
    const succeeded = await call<Page>('GET', '/v1/rollouts?state=Succeeded&daemonSet=log-collector', {
      token: tokens.bob,
    });

    expect(page1.body.nextCursor).not.toBeNull();
    expect(page2.body.items.map((item) => item.id)).toEqual([first]);
    expect(page2.body.nextCursor).toBeNull();
    expect(page1.body.items[0].id).not.toBe(first);
    expect(succeeded.body.items.map((item) => item.id)).toEqual([first]);
  });
});

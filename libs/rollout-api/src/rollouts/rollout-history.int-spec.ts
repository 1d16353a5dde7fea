import { jest } from '@jest/globals';
import { waitUntil } from '#rollcall/kube-sim';
import { httpClient } from '#rollcall/testing';
import { RolloutApiTestApp } from '../testing/rollout-api.test-app.js';
import { logCollectorRollout } from '../testing/rollout-request.fixture.js';

jest.setTimeout(120_000);

interface Actor {
  kind: string;
  id: string;
}
interface Entry {
  version: number;
  type: string;
  occurredAt: string;
  actor: Actor | null;
  summary: string;
}
interface StageApprovals {
  stage: string;
  required: number;
  status: string;
  approvedBy: Actor[];
  approvals: { actor: Actor; comment: string | null; grantedAt: string; expiresAt: string; expired: boolean }[];
  rejections: { actor: Actor; comment: string }[];
}
interface Rollout {
  id: string;
  status: string;
  version: number;
  currentStage: string | null;
  approvals: StageApprovals[];
  timeline: Entry[];
  timelineTruncated: boolean;
  audit: {
    requestedBy: Actor;
    reason: string;
    ticket: string | null;
    change: unknown;
    revisionBefore: string;
    revisionAfter: string | null;
    interventions: { action: string; actor: Actor | null; comment: string | null }[];
  };
}
interface EventsPage {
  items: Entry[];
  nextCursor: string | null;
}

let env: RolloutApiTestApp;
let call: ReturnType<typeof httpClient>;
const tokens = { alice: '', bob: '', carol: '', dave: '' };

const rollout = (id: string) => call<Rollout>('GET', `/v1/rollouts/${id}`, { token: tokens.bob });
const until = (id: string, done: (view: Rollout) => boolean, timeoutMs = 30_000) =>
  waitUntil(async () => (await rollout(id)).body, done, timeoutMs);
const command = (id: string, kind: string, token: string, body?: unknown) =>
  call<Rollout>('POST', `/v1/rollouts/${id}/${kind}`, { token, body });
const start = async (token: string, image: string) =>
  (await call<Rollout>('POST', '/v1/rollouts', { token, body: logCollectorRollout(image) })).body.id;

beforeAll(async () => {
  env = await RolloutApiTestApp.start(8, 100);
  call = httpClient(env.base);
  await env.createDaemonSet('default', 'log-collector');
  tokens.alice = await env.token('alice', ['operator']);
  tokens.dave = await env.token('dave', ['operator']);
  tokens.bob = await env.token('bob', ['approver']);
  tokens.carol = await env.token('bot:carol', ['approver']);
});

afterAll(async () => {
  await env?.close();
});

describe('rollout approvals, audit and timeline', () => {
  let finished: Rollout;

  it('shows who approved each stage, with comments, and the timeline that led to success', async () => {
    const id = await start(tokens.alice, 'busybox:1.37');
    await until(id, (view) => view.status === 'AwaitingApproval');
    await command(id, 'approve', tokens.bob, { stage: 'canary', comment: 'canary ok' });
    await until(id, (view) => view.status === 'AwaitingApproval' && view.currentStage === 'rest');
    await command(id, 'approve', tokens.bob);
    await command(id, 'approve', tokens.carol, { comment: 'rest ok' });
    // Restoring the update strategy follows success; the stream is complete once it is recorded.
    finished = await until(
      id,
      (view) =>
        view.status === 'Succeeded' && view.timeline.some((entry) => entry.type === 'DaemonSetStrategyRestored'),
      60_000,
    );

    const [canary, rest] = finished.approvals;
    expect(canary).toMatchObject({ stage: 'canary', required: 1, status: 'Approved', rejections: [] });
    expect(canary.approvals.map((a) => [a.actor.id, a.comment, a.expired])).toEqual([['bob', 'canary ok', false]]);
    expect(Date.parse(canary.approvals[0].expiresAt)).toBeGreaterThan(Date.parse(canary.approvals[0].grantedAt));
    expect(rest.approvedBy.map((actor) => [actor.kind, actor.id])).toEqual([
      ['user', 'bob'],
      ['bot', 'bot:carol'],
    ]);
    expect(rest.approvals.map((a) => a.comment)).toEqual([null, 'rest ok']);
    const summaries = finished.timeline.map((entry) => entry.summary);
    expect(summaries).toContain('bob approved stage canary: canary ok');
    expect(summaries).toContain('bot:carol approved stage rest: rest ok');
    expect(summaries.some((text) => /^node-\S+ evicted \(pod log-collector-\S+\)$/.test(text))).toBe(true);
    expect(summaries.filter((text) => text.startsWith('rollout succeeded'))).toEqual([
      'rollout succeeded: 8 nodes updated, 0 failed',
    ]);
    expect(finished.timeline.find((e) => e.type === 'StageApprovalGranted')?.actor?.id).toBe('bob');
    expect(finished.timeline.map((entry) => entry.version)).toEqual(
      Array.from({ length: finished.version }, (_, index) => index + 1),
    );
    expect(finished.timelineTruncated).toBe(false);
  });

  it('answers who requested it, why, what it changed and between which revisions', () => {
    expect(finished.audit).toMatchObject({
      requestedBy: { kind: 'user', id: 'alice' },
      reason: 'CVE fix',
      ticket: 'CHG-1234',
      change: { kind: 'containers', containers: [{ name: 'log-collector', image: 'busybox:1.37' }] },
      interventions: [],
    });
    expect(finished.audit.revisionBefore).not.toBe('');
    expect(finished.audit.revisionAfter).toMatch(/\S/);
    expect(finished.audit.revisionAfter).not.toBe(finished.audit.revisionBefore);
  });

  it('pages the full timeline at /events without gaps or repeats, with the same summaries', async () => {
    const pages: EventsPage[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const query: string = cursor === '' ? '?limit=7' : `?limit=7&cursor=${cursor}`;
      const page: EventsPage = (
        await call<EventsPage>('GET', `/v1/rollouts/${finished.id}/events${query}`, {
          token: tokens.bob,
        })
      ).body;
      pages.push(page);
      cursor = page.nextCursor;
    }
    const entries = pages.flatMap((page) => page.items);

    expect(pages.length).toBe(Math.ceil(finished.version / 7));
    expect(pages.slice(0, -1).every((page) => page.items.length === 7)).toBe(true);
    expect(entries.map((entry) => entry.version)).toEqual(finished.timeline.map((entry) => entry.version));
    expect(entries).toEqual(finished.timeline);
  });

  it('refuses a foreign events cursor and an unknown rollout', async () => {
    const badCursor = await call<{ code: string }>('GET', `/v1/rollouts/${finished.id}/events?cursor=nope`, {
      token: tokens.bob,
    });
    const unknown = await call<{ code: string }>('GET', '/v1/rollouts/00000000-0000-4000-8000-000000000000/events', {
      token: tokens.bob,
    });

    expect([badCursor.status, badCursor.body.code]).toEqual([422, 'invalid-cursor']);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'rollout-not-found']);
  });

  it('records who paused, resumed and aborted, and who rejected which stage', async () => {
    const aborted = await start(tokens.dave, 'busybox:1.38');
    await until(aborted, (view) => view.status === 'AwaitingApproval');
    await command(aborted, 'pause', tokens.dave, { comment: 'change freeze' });
    await command(aborted, 'resume', tokens.alice);
    await command(aborted, 'abort', tokens.dave, { comment: 'wrong image' });
    const rejected = await start(tokens.dave, 'busybox:1.39');
    await until(rejected, (view) => view.status === 'AwaitingApproval');
    await command(rejected, 'reject', tokens.bob, { comment: 'not during the freeze' });

    const abortedView = (await rollout(aborted)).body;
    const rejectedView = (await rollout(rejected)).body;

    expect(abortedView.audit.interventions.map((i) => [i.action, i.actor?.id, i.comment])).toEqual([
      ['paused', 'dave', 'change freeze'],
      ['resumed', 'alice', null],
      ['aborted', 'dave', 'wrong image'],
    ]);
    expect(abortedView.timeline.map((entry) => entry.summary)).toEqual(
      expect.arrayContaining(['dave paused the rollout: change freeze', 'dave aborted the rollout: wrong image']),
    );
    expect(rejectedView.approvals[0]).toMatchObject({ stage: 'canary', status: 'Rejected', approvals: [] });
    expect(rejectedView.approvals[0].rejections.map((r) => [r.actor.id, r.comment])).toEqual([
      ['bob', 'not during the freeze'],
    ]);
    expect(rejectedView.approvals[1].status).toBe('NotYetRequested');
  });

  it('filters the list by requester', async () => {
    const byDave = await call<{ items: { id: string; requestedBy: Actor }[] }>('GET', '/v1/rollouts?requestedBy=dave', {
      token: tokens.bob,
    });
    const byAlice = await call<{ items: { id: string }[] }>('GET', '/v1/rollouts?requestedBy=alice', {
      token: tokens.bob,
    });
    const byNobody = await call<{ items: unknown[] }>('GET', '/v1/rollouts?requestedBy=mallory', { token: tokens.bob });

    expect(byDave.body.items).toHaveLength(2);
    expect(byDave.body.items.every((item) => item.requestedBy.id === 'dave')).toBe(true);
    expect(byAlice.body.items.map((item) => item.id)).toEqual([finished.id]);
    expect(byNobody.body.items).toEqual([]);
  });
});

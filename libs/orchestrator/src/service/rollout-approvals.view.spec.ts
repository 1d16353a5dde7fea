import { ROLLOUT_DEFAULTS, type Actor, type StageSpec } from '#rollcall/domain';
import { approvalsOf } from './rollout-approvals.view.js';
import { auditOf } from './rollout-audit.view.js';
import type { StoredRolloutEvent, TimelineEvent } from './rollout-timeline.view.js';

/** An event before the saga stamps its rollout id and time. */
type Unstamped = TimelineEvent extends infer E
  ? E extends TimelineEvent
    ? Omit<E, 'rolloutId' | 'at'>
    : never
  : never;

const alice: Actor = { kind: 'user', id: 'alice' };
const bob: Actor = { kind: 'user', id: 'bob' };
const carol: Actor = { kind: 'bot', id: 'carol' };
const t = (s: number): string => new Date(Date.UTC(2030, 0, 1) + s * 1000).toISOString();

const stage = (name: string, approvals: number): StageSpec => ({
  name,
  nodes: { kind: 'count', count: 1 },
  maxUnavailable: 1,
  approvals,
  bakeSeconds: 0,
  healthGates: ROLLOUT_DEFAULTS.healthGates,
});
const stages = [stage('canary', 1), stage('rest', 2), stage('tail', 0)];

/** Stored rows numbered in order, each event at its own second. */
function stream(...events: Unstamped[]): StoredRolloutEvent[] {
  return events.map((event, index) => ({
    version: index + 1,
    occurredAt: t(index),
    actor: null,
    event: { ...event, rolloutId: 'ro-1', at: t(index) } as TimelineEvent,
  }));
}

describe('approvals per stage', () => {
  it('lists each grant with its comment and expiry, marks expired ones and who the stage counted', () => {
    const events = stream(
      { type: 'StageAwaitingApproval', stageIndex: 0, stage: 'canary', required: 1 },
      { type: 'StageApprovalGranted', stageIndex: 0, stage: 'canary', actor: bob, comment: 'ok', expiresAt: t(60) },
      { type: 'StageApproved', stageIndex: 0, stage: 'canary', approvers: [bob] },
      { type: 'StageAwaitingApproval', stageIndex: 1, stage: 'rest', required: 2 },
      { type: 'StageApprovalGranted', stageIndex: 1, stage: 'rest', actor: bob, comment: null, expiresAt: t(10) },
      { type: 'StageApprovalExpired', stageIndex: 1, approverId: 'bob', grantedAt: t(4) },
      { type: 'StageApprovalGranted', stageIndex: 1, stage: 'rest', actor: carol, comment: null, expiresAt: t(70) },
    );

    const [canary, rest, tail] = approvalsOf(stages, events);

    expect(canary).toEqual({
      stage: 'canary',
      required: 1,
      status: 'Approved',
      approvedAt: t(2),
      approvedBy: [bob],
      approvals: [{ actor: bob, comment: 'ok', grantedAt: t(1), expiresAt: t(60), expired: false }],
      rejections: [],
    });
    expect(rest.status).toBe('Awaiting');
    expect(rest.approvals.map((a) => [a.actor.id, a.expired])).toEqual([
      ['bob', true],
      ['carol', false],
    ]);
    expect(tail).toMatchObject({ status: 'NotRequired', approvals: [] });
  });

  it('records a rejection on the stage that was waiting and leaves later stages untouched', () => {
    const events = stream(
      { type: 'StageAwaitingApproval', stageIndex: 0, stage: 'canary', required: 1 },
      { type: 'RolloutRejected', stageIndex: 0, actor: bob, comment: 'freeze' },
    );

    const [canary, rest] = approvalsOf(stages, events);

    expect(canary.status).toBe('Rejected');
    expect(canary.rejections).toEqual([{ actor: bob, comment: 'freeze', rejectedAt: t(1) }]);
    expect(rest.status).toBe('NotYetRequested');
  });
});

describe('audit of a rollout', () => {
  const facts = {
    requestedBy: alice,
    requestedAt: t(0),
    reason: 'CVE fix',
    ticket: 'CHG-1',
    change: { kind: 'containers', containers: [{ name: 'c', image: 'i:2' }] },
    revisionBefore: 'old',
    revisionAfter: 'new',
  } as const;

  it('lists who paused, resumed and rolled back, and the revision the rollback restored', () => {
    const events = stream(
      { type: 'RolloutPaused', actor: null, reason: 'StageFailed', comment: null },
      { type: 'RolloutResumed', actor: alice, comment: 'flaky node', acknowledgedFailedNodes: 1 },
      { type: 'RolloutRollbackStarted', actor: bob, comment: 'bad', fromRevisionHash: 'new', toRevisionHash: 'old' },
    );

    const audit = auditOf(facts, events);

    expect(audit).toMatchObject({ ...facts, rolledBackTo: 'old' });
    expect(audit.interventions.map((i) => [i.version, i.action, i.actor?.id ?? null, i.comment, i.reason])).toEqual([
      [1, 'paused', null, null, 'StageFailed'],
      [2, 'resumed', 'alice', 'flaky node', null],
      [3, 'rollbackStarted', 'bob', 'bad', null],
    ]);
  });

  it('has no interventions and no rollback for a rollout nobody steered', () => {
    expect(auditOf(facts, stream())).toEqual({ ...facts, rolledBackTo: null, interventions: [] });
  });
});

import type { Actor } from '#rollcall/domain';
import { shortList, summarizeEvent, timelineEntryOf } from './rollout-event.summary.js';
import type { SummaryContext, TimelineEvent } from './rollout-timeline.view.js';

/** An event before the saga stamps its rollout id and time. */
type Unstamped = TimelineEvent extends infer E
  ? E extends TimelineEvent
    ? Omit<E, 'rolloutId' | 'at'>
    : never
  : never;

const bob: Actor = { kind: 'user', id: 'bob', displayName: 'Bob' };
const alice: Actor = { kind: 'user', id: 'alice' };
const at = '2030-01-01T00:00:00.000Z';
const context: SummaryContext = {
  stageNames: ['canary', 'rest'],
  podNames: new Map([['uid-3', 'log-collector-x1']]),
};
const summary = (event: Unstamped): string =>
  summarizeEvent({ rolloutId: 'ro-1', at, ...event } as TimelineEvent, context);

describe('rollout event summaries', () => {
  it('names the approver by display name, the stage and the comment', () => {
    const granted = {
      type: 'StageApprovalGranted',
      stageIndex: 0,
      stage: 'canary',
      actor: bob,
      expiresAt: at,
    } as const;

    expect(summary({ ...granted, comment: 'canary ok' })).toBe('Bob approved stage canary: canary ok');
    expect(summary({ ...granted, actor: alice, comment: null })).toBe('alice approved stage canary');
  });

  it('names the evicted pod from the eviction request, or its uid when that is unknown', () => {
    const evicted = { type: 'NodePodEvicted', node: 'node-0003', alreadyGone: false, readyDeadline: at } as const;

    expect(summary({ ...evicted, podUid: 'uid-3' })).toBe('node-0003 evicted (pod log-collector-x1)');
    expect(summary({ ...evicted, podUid: 'uid-9' })).toBe('node-0003 evicted (pod uid-9)');
    expect(summary({ ...evicted, podUid: 'uid-3', alreadyGone: true })).toBe(
      'node-0003: pod log-collector-x1 was already gone',
    );
  });

  it('names the PodDisruptionBudget that blocks an eviction and the crash loops that may hold it', () => {
    const blocked = {
      type: 'NodeEvictionBlockedByPdb',
      node: 'node-0004',
      podUid: 'u',
      message: '',
      attempt: 1,
    } as const;

    expect(summary({ ...blocked, pdb: 'default/log-collector', retryAt: at, crashLoopingNodes: [] })).toBe(
      'eviction of node-0004 blocked by PodDisruptionBudget default/log-collector',
    );
    expect(summary({ ...blocked, pdb: null, retryAt: at, crashLoopingNodes: ['node-0001'] })).toBe(
      'eviction of node-0004 blocked by a PodDisruptionBudget; crash-looping new pods on node-0001 may be holding the budget',
    );
  });

  it('takes stage names from the spec for events that carry only an index', () => {
    expect(summary({ type: 'RolloutRejected', actor: bob, comment: 'freeze', stageIndex: 1 })).toBe(
      'Bob rejected stage rest: freeze',
    );
    expect(summary({ type: 'StageFailed', stageIndex: 0, node: 'node-0002', reason: 'CrashLooping' })).toBe(
      'stage canary failed: node-0002 CrashLooping',
    );
  });

  it('tells a pause by a person from one the saga made itself', () => {
    expect(summary({ type: 'RolloutPaused', actor: alice, reason: 'RequestedByOperator', comment: 'freeze' })).toBe(
      'alice paused the rollout: freeze',
    );
    expect(summary({ type: 'RolloutPaused', actor: null, reason: 'FailureThresholdExceeded', comment: null })).toBe(
      'rollout paused: FailureThresholdExceeded',
    );
  });

  it('states the request with its change, reason and ticket', () => {
    const request = {
      type: 'RolloutRequested',
      requestedBy: alice,
      daemonSetUid: 'ds',
      originalRevisionHash: 'old',
      originalUpdateStrategy: { type: 'RollingUpdate' },
      spec: {
        daemonSet: { namespace: 'default', name: 'log-collector' },
        change: { kind: 'containers', containers: [{ name: 'log-collector', image: 'busybox:1.37' }] },
        reason: 'CVE fix',
        ticket: 'CHG-1234',
      },
    } as unknown as Unstamped;

    expect(summary(request)).toBe(
      'alice requested image log-collector=busybox:1.37 on default/log-collector (CVE fix, ticket CHG-1234)',
    );
  });

  it('keeps long node lists short', () => {
    const nodes = Array.from({ length: 12 }, (_, i) => `n${i}`);

    expect(shortList(nodes)).toBe('n0, n1, n2, n3, n4 and 7 more');
    expect(summary({ type: 'RolloutFailed', reason: 'RollbackIncomplete', nodes })).toBe(
      'rollout failed: RollbackIncomplete on n0, n1, n2, n3, n4 and 7 more',
    );
  });

  it('builds a timeline entry with the version, time and causing actor of the stored row', () => {
    const event = { type: 'RolloutStarted', rolloutId: 'ro-1', at } as TimelineEvent;

    expect(timelineEntryOf({ version: 4, occurredAt: at, actor: bob, event }, context)).toEqual({
      version: 4,
      type: 'RolloutStarted',
      occurredAt: at,
      actor: bob,
      summary: 'rollout started',
    });
  });
});

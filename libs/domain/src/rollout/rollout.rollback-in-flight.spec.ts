import { givenInputs } from './testing/given-when-then.test-helper.js';
import { carol, evicted, fired, NEW, OLD, patched, podObserved, spec, start, t } from './testing/rollout.fixtures.js';
import type { RolloutInput } from './rollout.decider.js';

/** One canary batch of two nodes, a 10 s readiness deadline, rollback on the first failure. */
const canaryOfTwo = spec({
  stages: [
    { name: 'canary', nodes: { count: 2 }, maxUnavailable: 2 },
    { name: 'rest', nodes: { percent: 100 }, maxUnavailable: 2 },
  ],
  nodeReadyTimeoutSeconds: 10,
  failurePolicy: { maxFailedNodes: 0, action: 'rollback' },
});
const neverReady = { ready: false } as const;
const back = (nodeName: string) => ({ uid: `uid-${nodeName}-back` });
const rollback = (at: number): RolloutInput => ({
  type: 'RollbackRollout',
  actor: carol,
  now: t(at),
  comment: 'never ready',
});

/** Both canary nodes are being evicted: node-a1 and node-a2 run the old pods still. */
const canaryEvicting = (): RolloutInput[] => [start(0, canaryOfTwo), patched(1)];

/** Both canary nodes were evicted at t(2) and t(3) and run a new pod that never becomes Ready. */
const canaryStalled = (): RolloutInput[] => [
  ...canaryEvicting(),
  evicted('node-a1', 2),
  evicted('node-a2', 3),
  podObserved('node-a1', 4, NEW, neverReady),
  podObserved('node-a2', 5, NEW, neverReady),
];

describe('rollout saga: rollback while canary nodes are in flight', () => {
  it('evicts the never-ready pods of a waiting batch and ends RolledBack on the original revision', () => {
    const stalled = givenInputs(...canaryStalled());
    stalled.when(fired({ kind: 'NodeReadyTimeout', node: 'node-a1', attempt: 1 }, 12)).then({
      events: [
        { type: 'NodeFailed', node: 'node-a1', reason: 'ReadyTimeout' },
        { type: 'RolloutRollbackStarted', actor: null, fromRevisionHash: NEW, toRevisionHash: OLD },
        { type: 'DaemonSetPatchRequested', purpose: 'RestoreTemplate' },
      ],
      effects: [
        { type: 'Notify', kind: 'RollbackStarted' },
        { type: 'PatchDaemonSet', purpose: 'RestoreTemplate' },
        { type: 'CancelTimer', timerId: 'ro-1/node-ready/node-a2/1' },
      ],
    });

    const restoring = stalled.and(fired({ kind: 'NodeReadyTimeout', node: 'node-a1', attempt: 1 }, 12));
    restoring.when(patched(14, 'RestoreTemplate', OLD)).then({
      events: [
        { type: 'DaemonSetTemplateApplied', purpose: 'RestoreTemplate' },
        { type: 'NodeEvictionRequested', node: 'node-a1', podUid: 'uid-node-a1-rev-new', direction: 'back' },
        { type: 'NodeEvictionRequested', node: 'node-a2', podUid: 'uid-node-a2-rev-new', direction: 'back' },
      ],
    });

    const reverting = restoring.and(
      patched(14, 'RestoreTemplate', OLD),
      evicted('node-a1', 15, NEW),
      evicted('node-a2', 16, NEW),
      podObserved('node-a1', 17, OLD, back('node-a1')),
    );
    expect(reverting.state?.nodes['node-a1']?.status).toBe('Reverted');
    reverting.when(podObserved('node-a2', 18, OLD, back('node-a2'))).then({
      events: [
        { type: 'NodePodObserved' },
        { type: 'NodeReverted', node: 'node-a2', podUid: 'uid-node-a2-back', revisionHash: OLD },
        { type: 'RolloutRolledBack', reverted: ['node-a1', 'node-a2'] },
        { type: 'DaemonSetPatchRequested', purpose: 'RestoreStrategy' },
      ],
    });
  });

  it('lets an eviction in flight at the start of the rollback finish, then reverts the node', () => {
    const inFlight = givenInputs(...canaryEvicting(), evicted('node-a1', 2), podObserved('node-a1', 3, NEW));
    expect(inFlight.state?.nodes['node-a1']?.status).toBe('Updated');
    expect(inFlight.state?.nodes['node-a2']?.status).toBe('Evicting');

    const restored = inFlight.and(rollback(4), patched(5, 'RestoreTemplate', OLD));
    expect(restored.state?.nodes['node-a2']).toMatchObject({ status: 'Evicting', revertRequired: true });
    expect(restored.history.at(-1)).toMatchObject({ type: 'NodeEvictionRequested', node: 'node-a1' });

    restored.when(evicted('node-a2', 6)).then({
      events: [{ type: 'NodePodEvicted', node: 'node-a2', readyDeadline: t(16) }],
      effects: [{ type: 'ScheduleTimer', timerId: 'ro-1/node-ready/node-a2/1', at: t(16) }],
    });
    restored
      .and(evicted('node-a2', 6))
      .when(podObserved('node-a2', 7, OLD, back('node-a2')))
      .then({
        events: [{ type: 'NodePodObserved' }, { type: 'NodeReverted', node: 'node-a2', podUid: 'uid-node-a2-back' }],
        effects: [{ type: 'CancelTimer', timerId: 'ro-1/node-ready/node-a2/1' }],
      });
  });

  it('keeps the retry of an eviction throttled before the rollback: the untouched old pod then counts', () => {
    const throttled: RolloutInput = {
      type: 'EvictionFailed',
      now: t(2),
      node: 'node-a2',
      podUid: 'uid-node-a2-rev-old',
      reason: 'RateLimited',
      message: 'Too many requests',
    };
    const restored = givenInputs(...canaryEvicting(), throttled, rollback(3), patched(4, 'RestoreTemplate', OLD));
    expect(restored.state?.nodes['node-a2']).toMatchObject({ status: 'Evicting', retryAt: t(7) });
    restored.when(fired({ kind: 'EvictionRetry', node: 'node-a2', attempt: 1 }, 7)).then({
      events: [{ type: 'NodeReverted', node: 'node-a2', podUid: 'uid-node-a2-rev-old', revisionHash: OLD }],
    });
  });

  it('evicts a bad-revision pod that appears on a node still waiting for its pod, and never counts it', () => {
    const waiting = givenInputs(
      ...canaryEvicting(),
      evicted('node-a1', 2),
      evicted('node-a2', 3),
      podObserved('node-a1', 4, NEW, neverReady),
      rollback(5),
    );
    expect(waiting.state?.nodes['node-a2']).toMatchObject({ status: 'WaitingForPod', revertRequired: true });

    const badPodBeforeRestore = podObserved('node-a2', 6, NEW);
    waiting.when(badPodBeforeRestore).thenEventTypes(['NodePodObserved']);
    waiting
      .and(badPodBeforeRestore)
      .when(patched(7, 'RestoreTemplate', OLD))
      .then({
        events: [
          { type: 'DaemonSetTemplateApplied' },
          { type: 'NodeEvictionRequested', node: 'node-a2', podUid: 'uid-node-a2-rev-new', direction: 'back' },
          { type: 'NodeEvictionRequested', node: 'node-a1', podUid: 'uid-node-a1-rev-new', direction: 'back' },
        ],
      });

    const restored = waiting.and(patched(7, 'RestoreTemplate', OLD));
    expect(restored.history.at(-1)).toMatchObject({ type: 'NodeEvictionRequested', node: 'node-a1' });
    restored.when(podObserved('node-a2', 8, NEW)).then({
      events: [
        { type: 'NodePodObserved' },
        { type: 'NodeEvictionRequested', node: 'node-a2', podUid: 'uid-node-a2-rev-new', attempt: 2 },
      ],
      effects: [{ type: 'EvictPod', podUid: 'uid-node-a2-rev-new' }, { type: 'CancelTimer' }],
    });
    restored
      .and(
        podObserved('node-a2', 8, NEW),
        evicted('node-a2', 9, NEW),
        evicted('node-a1', 10, NEW),
        podObserved('node-a1', 11, OLD, back('node-a1')),
      )
      .when(podObserved('node-a2', 12, OLD, back('node-a2')))
      .then({
        events: [
          { type: 'NodePodObserved' },
          { type: 'NodeReverted', node: 'node-a2', podUid: 'uid-node-a2-back' },
          { type: 'RolloutRolledBack', reverted: ['node-a1', 'node-a2'] },
          { type: 'DaemonSetPatchRequested', purpose: 'RestoreStrategy' },
        ],
      });
  });

  it('leaves a node without a pod waiting: its pod from the restored template counts once Ready', () => {
    const restored = givenInputs(
      ...canaryEvicting(),
      evicted('node-a1', 2),
      evicted('node-a2', 3),
      podObserved('node-a1', 4, NEW, neverReady),
      rollback(5),
      patched(6, 'RestoreTemplate', OLD),
    );
    const starting = podObserved('node-a2', 7, OLD, { ...back('node-a2'), ready: false });
    restored.when(starting).thenEventTypes(['NodePodObserved']).thenEffectTypes([]);
    restored
      .and(starting)
      .when(podObserved('node-a2', 8, OLD, back('node-a2')))
      .then({
        events: [
          { type: 'NodePodObserved' },
          { type: 'NodeReverted', node: 'node-a2', podUid: 'uid-node-a2-back', revisionHash: OLD },
        ],
        effects: [{ type: 'CancelTimer', timerId: 'ro-1/node-ready/node-a2/1' }],
      });
  });

  it('queues a node of a later stage for reverting when it already runs a bad pod', () => {
    const reverting = givenInputs(
      ...canaryStalled(),
      podObserved('node-b1', 6, NEW),
      rollback(7),
      patched(8, 'RestoreTemplate', OLD),
      evicted('node-a1', 9, NEW),
      evicted('node-a2', 10, NEW),
      podObserved('node-a1', 11, OLD, back('node-a1')),
    );
    expect(reverting.state?.nodes['node-b1']).toMatchObject({ status: 'Pending', revertRequired: true });
    reverting.when(podObserved('node-a2', 12, OLD, back('node-a2'))).then({
      events: [
        { type: 'NodePodObserved' },
        { type: 'NodeReverted', node: 'node-a2' },
        { type: 'NodeEvictionRequested', node: 'node-b1', podUid: 'uid-node-b1-rev-new', direction: 'back' },
      ],
    });
  });
});

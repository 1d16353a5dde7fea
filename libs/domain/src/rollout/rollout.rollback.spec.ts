import { givenInputs } from './testing/given-when-then.test-helper.js';
import {
  approve,
  bob,
  canaryBaking,
  carol,
  evicted,
  fired,
  NEW,
  OLD,
  patched,
  podObserved,
  spec,
  start,
  t,
} from './testing/rollout.fixtures.js';
import type { RolloutInput } from './rollout.decider.js';

const rollbackPolicy = spec({ failurePolicy: { maxFailedNodes: 0, action: 'rollback' } });
const rollback = (at: number): RolloutInput => ({
  type: 'RollbackRollout',
  actor: carol,
  now: t(at),
  comment: 'bad image',
});
const bakeEnd = fired({ kind: 'BakeEnd', stageIndex: 0, bakeId: 1 }, 50);

/** Canary done, second stage mid-way: node-a2 updated, node-b1 waiting for its new pod. */
const midSecondStage = (): RolloutInput[] => [
  ...canaryBaking(),
  bakeEnd,
  evicted('node-a2', 51),
  podObserved('node-a2', 55),
  evicted('node-b1', 56),
];

describe('rollout saga: rollback', () => {
  it('rolls back mid-stage: restores the old template before touching any pod', () => {
    givenInputs(...midSecondStage())
      .when(rollback(57))
      .then({
        events: [
          { type: 'RolloutRollbackStarted', actor: carol, fromRevisionHash: NEW, toRevisionHash: OLD },
          {
            type: 'DaemonSetPatchRequested',
            purpose: 'RestoreTemplate',
            restoreRevisionHash: OLD,
            updateStrategy: { type: 'OnDelete' },
          },
        ],
        effects: [
          { type: 'Notify', kind: 'RollbackStarted' },
          { type: 'PatchDaemonSet', purpose: 'RestoreTemplate', restoreRevisionHash: OLD, change: null },
        ],
      });
    givenInputs(...midSecondStage(), rollback(57))
      .when(rollback(58))
      .thenRejected('RollbackAlreadyInProgress');
  });

  it('replaces pods one batch at a time once the old template is back, the in-flight node first', () => {
    const restoring = givenInputs(...midSecondStage(), rollback(57));
    restoring.when(patched(58, 'RestoreTemplate', OLD)).then({
      events: [{ type: 'DaemonSetTemplateApplied', purpose: 'RestoreTemplate', revisionHash: OLD }],
      effects: [],
    });
    restoring
      .and(patched(58, 'RestoreTemplate', OLD))
      .when(podObserved('node-b1', 60, OLD, { uid: 'uid-b1-back' }))
      .then({
        events: [
          { type: 'NodePodObserved' },
          { type: 'NodeReverted', node: 'node-b1', revisionHash: OLD, podUid: 'uid-b1-back' },
          { type: 'NodeEvictionRequested', node: 'node-a1', podUid: 'uid-node-a1-rev-new', direction: 'back' },
        ],
      });
  });

  it('reverts the updated nodes and ends RolledBack, restoring the original strategy', () => {
    const reverting = givenInputs(
      ...midSecondStage(),
      rollback(57),
      patched(58, 'RestoreTemplate', OLD),
      podObserved('node-b1', 60, OLD, { uid: 'uid-b1-back' }),
      evicted('node-a1', 61, NEW),
    );
    reverting.when(podObserved('node-a1', 62, OLD, { uid: 'uid-a1-back' })).then({
      events: [
        { type: 'NodePodObserved' },
        { type: 'NodeReverted', node: 'node-a1' },
        { type: 'NodeEvictionRequested', node: 'node-a2', podUid: 'uid-node-a2-rev-new', direction: 'back' },
      ],
    });
    reverting
      .and(podObserved('node-a1', 62, OLD, { uid: 'uid-a1-back' }), evicted('node-a2', 63, NEW))
      .when(podObserved('node-a2', 64, OLD, { uid: 'uid-a2-back' }))
      .then({
        events: [
          { type: 'NodePodObserved' },
          { type: 'NodeReverted', node: 'node-a2' },
          { type: 'RolloutRolledBack', reverted: ['node-a1', 'node-a2', 'node-b1'] },
          { type: 'DaemonSetPatchRequested', purpose: 'RestoreStrategy', updateStrategy: { type: 'RollingUpdate' } },
        ],
        effects: [
          { type: 'Notify', kind: 'RolloutRolledBack' },
          { type: 'PatchDaemonSet', purpose: 'RestoreStrategy' },
          { type: 'CancelTimer' },
        ],
      });
  });

  it('rolls back on its own when a canary pod crash-loops during the bake', () => {
    const baking = givenInputs(
      start(0, rollbackPolicy),
      approve(bob, 10),
      patched(11),
      evicted('node-a1', 12),
      podObserved('node-a1', 20),
    );
    baking
      .when(podObserved('node-a1', 30, NEW, { crashLooping: true, ready: false, restarts: 4 }))
      .then({
        events: [
          { type: 'NodePodObserved' },
          { type: 'NodeFailed', node: 'node-a1', reason: 'CrashLooping' },
          { type: 'StageFailed', stageIndex: 0, node: 'node-a1', reason: 'CrashLooping' },
          { type: 'RolloutRollbackStarted', actor: null },
          { type: 'DaemonSetPatchRequested', purpose: 'RestoreTemplate' },
        ],
      })
      .thenEffectTypes(['Notify', 'Notify', 'PatchDaemonSet', 'CancelTimer']);
    baking
      .and(podObserved('node-a1', 30, NEW, { crashLooping: true, ready: false, restarts: 4 }))
      .when(patched(31, 'RestoreTemplate', OLD))
      .then({
        events: [
          { type: 'DaemonSetTemplateApplied' },
          { type: 'NodeEvictionRequested', node: 'node-a1', podUid: 'uid-node-a1-rev-new', direction: 'back' },
        ],
      });
  });

  it('pauses instead when the stage fails under the default policy, and re-bakes after a resume', () => {
    const failed = givenInputs(...canaryBaking()).and(podObserved('node-a1', 30, NEW, { restarts: 3 }));
    expect(failed.history.slice(-3).map((e) => e.type)).toEqual(['NodeFailed', 'StageFailed', 'RolloutPaused']);
    failed.when({ type: 'ResumeRollout', actor: carol, now: t(40) }).then({
      events: [
        { type: 'RolloutResumed', acknowledgedFailedNodes: 1 },
        { type: 'StageBakeStarted', bakeId: 2 },
      ],
    });
  });

  it('ends Failed when a node cannot be reverted', () => {
    const restored = givenInputs(...midSecondStage(), rollback(57), patched(58, 'RestoreTemplate', OLD));
    restored.when(fired({ kind: 'NodeReadyTimeout', node: 'node-b1', attempt: 1 }, 400)).then({
      events: [
        {
          type: 'NodeFailed',
          node: 'node-b1',
          direction: 'back',
          detail: expect.stringContaining('no replacement pod'),
        },
        { type: 'NodeEvictionRequested', node: 'node-a1', direction: 'back' },
      ],
    });
    restored
      .and(
        fired({ kind: 'NodeReadyTimeout', node: 'node-b1', attempt: 1 }, 400),
        evicted('node-a1', 401, NEW),
        podObserved('node-a1', 402, OLD, { uid: 'uid-a1-back' }),
        evicted('node-a2', 403, NEW),
      )
      .when(podObserved('node-a2', 404, OLD, { uid: 'uid-a2-back' }))
      .then({
        events: [
          { type: 'NodePodObserved' },
          { type: 'NodeReverted', node: 'node-a2' },
          { type: 'RolloutFailed', reason: 'RollbackIncomplete', nodes: ['node-b1'] },
          { type: 'DaemonSetPatchRequested', purpose: 'RestoreStrategy', updateStrategy: { type: 'RollingUpdate' } },
        ],
        effects: [
          {
            type: 'Notify',
            kind: 'RolloutFailed',
            message: expect.stringContaining('update strategy is being restored'),
          },
          { type: 'PatchDaemonSet', purpose: 'RestoreStrategy' },
          { type: 'CancelTimer' },
        ],
      });
  });
});

import { givenInputs } from './testing/given-when-then.test-helper.js';
import {
  approve,
  bob,
  canaryBaking,
  canaryEvicting,
  evicted,
  fired,
  NEW,
  OLD,
  patched,
  podObserved,
  ROLLOUT_ID,
  start,
  t,
} from './testing/rollout.fixtures.js';

describe('rollout saga: the path without trouble', () => {
  it('records the request with its plan and waits for the canary approval', () => {
    givenInputs()
      .when(start(0))
      .then({
        events: [
          { type: 'RolloutRequested', rolloutId: ROLLOUT_ID, originalRevisionHash: OLD, daemonSetUid: 'ds-uid' },
          { type: 'StageAwaitingApproval', stage: 'canary', required: 1 },
        ],
        effects: [{ type: 'Notify', kind: 'ApprovalRequested' }],
      });
  });

  it('patches the DaemonSet to OnDelete with the new template once the first stage is approved', () => {
    givenInputs(start(0))
      .when(approve(bob, 10, 'canary'))
      .then({
        events: [
          { type: 'StageApprovalGranted', actor: bob, expiresAt: t(10 + 86400) },
          { type: 'StageApproved', approvers: [bob] },
          { type: 'RolloutStarted' },
          { type: 'DaemonSetPatchRequested', purpose: 'ApplyChange', updateStrategy: { type: 'OnDelete' } },
        ],
        effects: [
          { type: 'Notify', kind: 'RolloutStarted' },
          {
            type: 'PatchDaemonSet',
            daemonSetUid: 'ds-uid',
            purpose: 'ApplyChange',
            updateStrategy: { type: 'OnDelete' },
            change: { kind: 'containers', containers: [{ name: 'log-collector', image: 'busybox:1.37' }] },
          },
        ],
      });
  });

  it('starts the canary stage and evicts its node with the pod uid as precondition once the patch is applied', () => {
    givenInputs(start(0), approve(bob, 10))
      .when(patched(11))
      .then({
        events: [
          { type: 'DaemonSetTemplateApplied', revisionHash: NEW },
          { type: 'StageStarted', stage: 'canary', nodes: ['node-a1'] },
          { type: 'NodeEvictionRequested', node: 'node-a1', podUid: 'uid-node-a1-rev-old', attempt: 1 },
        ],
        effects: [
          { type: 'Notify', kind: 'StageStarted' },
          {
            type: 'EvictPod',
            namespace: 'default',
            podName: 'log-collector-node-a1-rev-old',
            podUid: 'uid-node-a1-rev-old',
          },
        ],
      });
  });

  it('waits for a Ready pod on the new revision after the eviction, under a node-ready deadline', () => {
    givenInputs(...canaryEvicting())
      .when(evicted('node-a1', 12))
      .then({
        events: [{ type: 'NodePodEvicted', node: 'node-a1', readyDeadline: t(312) }],
        effects: [
          {
            type: 'ScheduleTimer',
            timerId: `${ROLLOUT_ID}/node-ready/node-a1/1`,
            at: t(312),
            timer: { kind: 'NodeReadyTimeout', node: 'node-a1', attempt: 1 },
          },
        ],
      });
  });

  it('counts the node updated when the new pod is Ready, then bakes the stage', () => {
    givenInputs(...canaryEvicting(), evicted('node-a1', 12))
      .when(podObserved('node-a1', 20))
      .then({
        events: [
          { type: 'NodePodObserved', node: 'node-a1' },
          { type: 'NodeUpdated', node: 'node-a1', revisionHash: NEW },
          { type: 'StageBakeStarted', stageIndex: 0, bakeId: 1, endsAt: t(50) },
        ],
        effects: [
          { type: 'CancelTimer', timerId: `${ROLLOUT_ID}/node-ready/node-a1/1` },
          { type: 'ScheduleTimer', at: t(50), timer: { kind: 'BakeEnd', stageIndex: 0, bakeId: 1 } },
        ],
      });
  });

  it('completes the bake and starts the next stage with batches of maxUnavailable', () => {
    givenInputs(...canaryBaking())
      .when(fired({ kind: 'BakeEnd', stageIndex: 0, bakeId: 1 }, 50))
      .then({
        events: [
          { type: 'StageCompleted', stage: 'canary', updated: ['node-a1'], failed: [] },
          { type: 'StageStarted', stage: 'rest', nodes: ['node-a2', 'node-b1', 'node-b2'] },
          { type: 'NodeEvictionRequested', node: 'node-a2' },
          { type: 'NodeEvictionRequested', node: 'node-b1' },
        ],
      })
      .thenEffectTypes(['Notify', 'EvictPod', 'EvictPod']);
  });

  it('moves to the next batch only when the current batch is done, then succeeds and restores the strategy', () => {
    const rest = givenInputs(...canaryBaking(), fired({ kind: 'BakeEnd', stageIndex: 0, bakeId: 1 }, 50)).and(
      evicted('node-a2', 51),
      evicted('node-b1', 51),
      podObserved('node-a2', 55),
    );
    rest.when(podObserved('node-b1', 56)).then({
      events: [
        { type: 'NodePodObserved' },
        { type: 'NodeUpdated', node: 'node-b1' },
        { type: 'NodeEvictionRequested', node: 'node-b2' },
      ],
    });
    rest
      .and(podObserved('node-b1', 56), evicted('node-b2', 57))
      .when(podObserved('node-b2', 60))
      .then({
        events: [
          { type: 'NodePodObserved' },
          { type: 'NodeUpdated', node: 'node-b2' },
          { type: 'StageCompleted', stage: 'rest' },
          { type: 'RolloutSucceeded', updated: ['node-a1', 'node-a2', 'node-b1', 'node-b2'], failed: [] },
          {
            type: 'DaemonSetPatchRequested',
            purpose: 'RestoreStrategy',
            updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
          },
        ],
        effects: [
          { type: 'Notify', kind: 'RolloutSucceeded' },
          { type: 'PatchDaemonSet', purpose: 'RestoreStrategy', change: null },
          { type: 'CancelTimer', timerId: `${ROLLOUT_ID}/node-ready/node-b2/1` },
        ],
      });
  });

  it('records the restored strategy once', () => {
    const done = givenInputs(...canaryBaking(), fired({ kind: 'BakeEnd', stageIndex: 0, bakeId: 1 }, 50)).and(
      evicted('node-a2', 51),
      evicted('node-b1', 51),
      podObserved('node-a2', 55),
      podObserved('node-b1', 56),
      evicted('node-b2', 57),
      podObserved('node-b2', 60),
    );
    expect(done.state?.phase).toEqual({ status: 'Finishing', outcome: 'Succeeded' });
    const restored = done.and(patched(61, 'RestoreStrategy', OLD));
    restored.when(patched(62, 'RestoreStrategy', OLD)).thenIgnored('PatchNotAwaited');
    done
      .when(patched(61, 'RestoreStrategy', OLD))
      .thenEventTypes(['DaemonSetStrategyRestored'])
      .thenEffectTypes([]);
  });
});

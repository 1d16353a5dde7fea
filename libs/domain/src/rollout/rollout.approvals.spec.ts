import { givenInputs } from './testing/given-when-then.test-helper.js';
import { alice, approve, bob, carol, fired, patched, ROLLOUT_ID, spec, start, t } from './testing/rollout.fixtures.js';
import type { RolloutInput } from './rollout.decider.js';

const twoApproverSpec = spec({
  stages: [{ name: 'all', nodes: { percent: 100 }, approvals: 2 }],
  approvalValiditySeconds: 3600,
});
const startTwoApprovers = start(0, twoApproverSpec);
const abort = (at: number): RolloutInput => ({
  type: 'AbortRollout',
  actor: carol,
  now: t(at),
  comment: 'wrong image',
});
const reject = (at: number): RolloutInput => ({
  type: 'RejectRollout',
  actor: carol,
  now: t(at),
  comment: 'not today',
});

describe('rollout saga: approvals', () => {
  it('refuses an approval after the rollout was aborted', () => {
    givenInputs(start(0), abort(5)).when(approve(bob, 10)).thenRejected('RolloutNotAwaitingApproval');
  });

  it('refuses an approval while a stage is running', () => {
    givenInputs(start(0), approve(bob, 10), patched(11))
      .when(approve(carol, 12))
      .thenRejected('RolloutNotAwaitingApproval');
  });

  it('never lets the requester approve their own rollout', () => {
    givenInputs(start(0)).when(approve(alice, 10)).thenRejected('RequesterCannotApprove');
  });

  it('counts one person once', () => {
    givenInputs(startTwoApprovers, approve(bob, 10)).when(approve(bob, 20)).thenRejected('AlreadyApprovedByActor');
  });

  it('refuses an approval meant for another stage', () => {
    givenInputs(start(0))
      .when(approve(bob, 10, 'rest'))
      .thenRejected('StageNotAwaitingApproval');
  });

  it('starts the stage when the second distinct approver agrees in time', () => {
    givenInputs(startTwoApprovers, approve(bob, 10))
      .when(approve(carol, 20))
      .then({
        events: [
          { type: 'StageApprovalGranted', actor: carol },
          { type: 'StageApproved', approvers: [bob, carol] },
          { type: 'RolloutStarted' },
          { type: 'DaemonSetPatchRequested', purpose: 'ApplyChange' },
        ],
      });
  });

  it('does not count an approval that expired before the second one arrived', () => {
    givenInputs(startTwoApprovers, approve(bob, 10))
      .when(approve(carol, 3700))
      .then({ events: [{ type: 'StageApprovalGranted', actor: carol }] });
  });

  it('schedules the expiry of each approval and records it when it fires', () => {
    const withBob = givenInputs(startTwoApprovers);
    withBob.when(approve(bob, 10)).then({
      effects: [
        {
          type: 'ScheduleTimer',
          at: t(3610),
          timer: { kind: 'ApprovalExpiry', stageIndex: 0, approverId: 'bob', grantedAt: t(10) },
        },
      ],
    });
    const expiry = fired({ kind: 'ApprovalExpiry', stageIndex: 0, approverId: 'bob', grantedAt: t(10) }, 3610);
    withBob
      .and(approve(bob, 10))
      .when(expiry)
      .then({ events: [{ type: 'StageApprovalExpired', approverId: 'bob' }], effects: [] });
    withBob.and(approve(bob, 10), expiry).when(expiry).thenIgnored('TimerNoLongerRelevant');
  });

  it('lets a person approve again once their earlier approval expired', () => {
    givenInputs(startTwoApprovers, approve(bob, 10), approve(carol, 3700))
      .when(approve(bob, 3710))
      .then({
        events: [
          { type: 'StageApprovalGranted', actor: bob },
          { type: 'StageApproved', approvers: [carol, bob] },
          { type: 'RolloutStarted' },
          { type: 'DaemonSetPatchRequested' },
        ],
      });
  });

  it('ends the rollout on a rejection, cancelling the pending approval timers', () => {
    givenInputs(startTwoApprovers, approve(bob, 10))
      .when(reject(20))
      .then({
        events: [{ type: 'RolloutRejected', actor: carol, comment: 'not today', stageIndex: 0 }],
        effects: [
          { type: 'Notify', kind: 'RolloutRejected', message: expect.stringContaining('was not changed') },
          { type: 'CancelTimer', timerId: `${ROLLOUT_ID}/approval-expiry/0/bob/${t(10)}` },
        ],
      });
    givenInputs(startTwoApprovers, reject(20)).when(approve(bob, 30)).thenRejected('RolloutNotAwaitingApproval');
  });

  it('waits for the approvals of a later stage before it starts', () => {
    const gated = spec({
      stages: [
        { name: 'canary', nodes: { count: 1 } },
        { name: 'rest', nodes: { percent: 100 }, approvals: 1 },
      ],
    });
    givenInputs(start(0, gated), patched(1), {
      type: 'PodEvicted',
      now: t(2),
      node: 'node-a1',
      podUid: 'uid-node-a1-rev-old',
    })
      .when({
        type: 'PodObserved',
        now: t(3),
        node: 'node-a1',
        pod: { name: 'p', uid: 'new', revisionHash: 'rev-new', ready: true, restarts: 0, crashLooping: false },
      })
      .thenEventTypes(['NodePodObserved', 'NodeUpdated', 'StageCompleted', 'StageAwaitingApproval']);
  });

  it('rejects commands on a stream with no rollout', () => {
    givenInputs().when(approve(bob, 1)).thenRejected('RolloutNotFound');
    givenInputs(start(0)).when(start(1)).thenRejected('RolloutAlreadyExists');
  });
});

import { givenInputs } from './testing/given-when-then.test-helper.js';
import {
  approve,
  bob,
  canaryBaking,
  canaryEvicting,
  carol,
  evicted,
  fired,
  NEW,
  patched,
  podObserved,
  ROLLOUT_ID,
  start,
  t,
} from './testing/rollout.fixtures.js';
import type { RolloutInput } from './rollout.decider.js';

const pause = (at: number): RolloutInput => ({ type: 'PauseRollout', actor: carol, now: t(at), comment: 'lunch' });
const resume = (at: number): RolloutInput => ({ type: 'ResumeRollout', actor: carol, now: t(at) });
const abort = (at: number): RolloutInput => ({ type: 'AbortRollout', actor: carol, now: t(at), comment: 'stop' });
const bakeEnd = (bakeId: number, at: number) => fired({ kind: 'BakeEnd', stageIndex: 0, bakeId }, at);
const editedByOthers = (at: number, generation = 5): RolloutInput => ({
  type: 'DaemonSetChangedExternally',
  now: t(at),
  generation,
  changedFields: ['spec.template'],
  changedBy: 'kubectl-edit',
});

describe('rollout saga: pause, resume, abort and timers', () => {
  it('pauses on request: no new eviction, but an in-flight node still completes', () => {
    const paused = givenInputs(...canaryEvicting(), pause(12));
    expect(paused.state?.phase.status).toBe('Paused');
    paused.when(evicted('node-a1', 13)).thenEventTypes(['NodePodEvicted']);
    paused
      .and(evicted('node-a1', 13))
      .when(podObserved('node-a1', 20))
      .thenEventTypes(['NodePodObserved', 'NodeUpdated']);
  });

  it('refuses to pause twice and to resume what is not paused', () => {
    givenInputs(...canaryEvicting(), pause(12))
      .when(pause(13))
      .thenRejected('RolloutAlreadyPaused');
    givenInputs(...canaryEvicting())
      .when(resume(13))
      .thenRejected('RolloutNotPaused');
  });

  it('resumes where it stood', () => {
    givenInputs(...canaryEvicting(), pause(12), evicted('node-a1', 13), podObserved('node-a1', 20))
      .when(resume(30))
      .then({
        events: [
          { type: 'RolloutResumed', actor: carol },
          { type: 'StageBakeStarted', bakeId: 1, endsAt: t(60) },
        ],
      });
  });

  it('restarts an interrupted bake in full after a resume, and ignores the old bake timer', () => {
    const pausedInBake = givenInputs(...canaryBaking(), pause(25));
    pausedInBake.when(bakeEnd(1, 50)).thenIgnored('TimerNoLongerRelevant');
    pausedInBake.when(resume(100)).then({
      events: [{ type: 'RolloutResumed' }, { type: 'StageBakeStarted', bakeId: 2, endsAt: t(130) }],
      effects: [
        { type: 'Notify', kind: 'RolloutResumed' },
        { type: 'ScheduleTimer', timer: { kind: 'BakeEnd', bakeId: 2 } },
      ],
    });
  });

  it('holds eviction retries while paused and re-arms them on resume', () => {
    const blocked: RolloutInput = {
      type: 'EvictionBlockedByPdb',
      now: t(12),
      node: 'node-a1',
      podUid: 'uid-node-a1-rev-old',
      pdb: null,
      message: 'budget',
    };
    const retry = fired({ kind: 'EvictionRetry', node: 'node-a1', attempt: 1 }, 17);
    givenInputs(...canaryEvicting(), blocked)
      .when(pause(13))
      .then({
        effects: [{ type: 'Notify' }, { type: 'CancelTimer', timerId: `${ROLLOUT_ID}/eviction-retry/node-a1/1` }],
      });
    givenInputs(...canaryEvicting(), blocked, pause(13))
      .when(retry)
      .thenIgnored('RolloutPaused');
    givenInputs(...canaryEvicting(), blocked, pause(13))
      .when(resume(20))
      .then({ effects: [{ type: 'Notify' }, { type: 'ScheduleTimer', at: t(17), timer: { kind: 'EvictionRetry' } }] });
  });

  it('completes a stage on a late bake timer, and only once when it fires twice', () => {
    givenInputs(...canaryBaking())
      .when(bakeEnd(1, 5000))
      .thenEventTypes(['StageCompleted', 'StageStarted', 'NodeEvictionRequested', 'NodeEvictionRequested']);
    givenInputs(...canaryBaking(), bakeEnd(1, 50))
      .when(bakeEnd(1, 51))
      .thenIgnored('TimerNoLongerRelevant');
  });

  it('ignores a DaemonSet seen at a generation older than the change it applied (a view from before the patch)', () => {
    givenInputs(...canaryEvicting())
      .when(editedByOthers(12, 3))
      .thenIgnored('StaleObservation');
  });

  it('pauses when someone else edits the DaemonSet, and re-applies the change on resume', () => {
    const edited = givenInputs(...canaryEvicting());
    edited.when(editedByOthers(12)).then({
      events: [
        { type: 'DaemonSetExternalChangeDetected', generation: 5, changedBy: 'kubectl-edit' },
        { type: 'RolloutPaused', actor: null, reason: 'DaemonSetChangedExternally' },
      ],
    });
    edited
      .and(editedByOthers(12))
      .when(resume(20))
      .then({
        events: [{ type: 'RolloutResumed' }, { type: 'DaemonSetPatchRequested', purpose: 'ApplyChange' }],
        effects: [{ type: 'Notify' }, { type: 'PatchDaemonSet', purpose: 'ApplyChange' }],
      });
    edited
      .and(editedByOthers(12), resume(20))
      .when(patched(21, 'ApplyChange', 'rev-newer'))
      .then({ events: [{ type: 'DaemonSetTemplateApplied', revisionHash: 'rev-newer' }] });
  });

  it('aborts, cancels its timers and leaves the DaemonSet on OnDelete', () => {
    givenInputs(...canaryEvicting(), evicted('node-a1', 12))
      .when(abort(13))
      .then({
        events: [{ type: 'RolloutAborted', actor: carol, comment: 'stop' }],
        effects: [
          { type: 'Notify', kind: 'RolloutAborted', message: expect.stringContaining('OnDelete') },
          { type: 'CancelTimer', timerId: `${ROLLOUT_ID}/node-ready/node-a1/1` },
        ],
      });
    givenInputs(...canaryEvicting(), abort(13))
      .when(abort(14))
      .thenRejected('RolloutFinished');
    givenInputs(...canaryEvicting(), abort(13))
      .when(evicted('node-a1', 14))
      .thenIgnored('RolloutFinished');
  });

  it('never patches the DaemonSet for a rollout aborted before its approval', () => {
    givenInputs(start(0))
      .when(abort(5))
      .then({
        events: [{ type: 'RolloutAborted' }],
        effects: [{ type: 'Notify', message: expect.stringContaining('not changed') }],
      });
    givenInputs(start(0))
      .when({ type: 'RollbackRollout', actor: bob, now: t(5), comment: 'x' })
      .thenRejected('NothingToRollBack');
  });

  it('ignores an apply result nobody waits for', () => {
    givenInputs(start(0), approve(bob, 10), patched(11)).when(patched(12)).thenIgnored('PatchNotAwaited');
    givenInputs().when(patched(12)).thenIgnored('NoRollout');
    expect(NEW).toBe('rev-new');
  });
});

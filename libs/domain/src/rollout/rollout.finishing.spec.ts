import { givenInputs } from './testing/given-when-then.test-helper.js';
import {
  alice,
  canaryBaking,
  carol,
  evicted,
  fired,
  OLD,
  patched,
  podObserved,
  t,
} from './testing/rollout.fixtures.js';
import type { RolloutInput } from './rollout.decider.js';

const bakeEnd = fired({ kind: 'BakeEnd', stageIndex: 0, bakeId: 1 }, 50);
const abort = (at: number): RolloutInput => ({ type: 'AbortRollout', actor: carol, now: t(at), comment: 'stop' });
const pause = (at: number): RolloutInput => ({ type: 'PauseRollout', actor: alice, now: t(at) });
const rollback = (at: number): RolloutInput => ({ type: 'RollbackRollout', actor: carol, now: t(at), comment: 'bad' });

/** Every node updated but node-b2, whose new pod comes up next. */
const lastNodeWaiting = (): RolloutInput[] => [
  ...canaryBaking(),
  bakeEnd,
  evicted('node-a2', 51),
  evicted('node-b1', 51),
  podObserved('node-a2', 55),
  podObserved('node-b1', 56),
  evicted('node-b2', 57),
];

/** The outcome is decided and the RestoreStrategy patch is requested, not yet applied. */
const succeededRestoring = (): RolloutInput[] => [...lastNodeWaiting(), podObserved('node-b2', 60)];

describe('rollout saga: finishing waits for the update strategy to be restored', () => {
  it('records the success but stays Finishing (an active rollout) until the strategy is back', () => {
    const outcome = givenInputs(...lastNodeWaiting())
      .when(podObserved('node-b2', 60))
      .then({
        events: [
          { type: 'NodePodObserved' },
          { type: 'NodeUpdated', node: 'node-b2' },
          { type: 'StageCompleted', stage: 'rest' },
          { type: 'RolloutSucceeded' },
          { type: 'DaemonSetPatchRequested', purpose: 'RestoreStrategy' },
        ],
      });
    expect(outcome.state?.phase).toEqual({ status: 'Finishing', outcome: 'Succeeded' });
  });

  it('ends Succeeded only with DaemonSetStrategyRestored', () => {
    const restored = givenInputs(...succeededRestoring())
      .when(patched(61, 'RestoreStrategy', OLD))
      .then({ events: [{ type: 'DaemonSetStrategyRestored' }], effects: [] });
    expect(restored.state?.phase).toEqual({ status: 'Succeeded' });
  });

  it('given the DaemonSet deleted or replaced while its strategy is restored, then the rollout ends without the restore', () => {
    const gone: RolloutInput = {
      type: 'DaemonSetChangedExternally',
      now: t(61),
      generation: 0,
      changedFields: ['metadata.uid'],
      changedBy: null,
    };

    const ended = givenInputs(...succeededRestoring())
      .when(gone)
      .then({ events: [{ type: 'DaemonSetStrategyRestoreSkipped', reason: 'DaemonSetGone' }], effects: [] });

    expect(ended.state?.phase).toEqual({ status: 'Succeeded' });
  });

  it('given another outside edit while finishing, then it is ignored and the restore is still awaited', () => {
    const edited: RolloutInput = {
      type: 'DaemonSetChangedExternally',
      now: t(61),
      generation: 9,
      changedFields: ['spec.template.spec.containers[0].image'],
      changedBy: null,
    };

    givenInputs(...succeededRestoring())
      .when(edited)
      .thenIgnored('RolloutFinished');
  });

  it('refuses pause, abort and rollback while finishing, and ignores node observations', () => {
    const finishing = givenInputs(...succeededRestoring());
    finishing.when(pause(61)).thenRejected('RolloutFinished');
    finishing.when(abort(61)).thenRejected('RolloutFinished');
    finishing.when(rollback(61)).thenRejected('RolloutFinished');
    finishing.when(podObserved('node-a1', 61, OLD, { uid: 'uid-other' })).thenIgnored('RolloutFinished');
  });

  it('restores the strategy after an abort once the original template is back, and ends Aborted after it', () => {
    const restoringTemplate = givenInputs(...lastNodeWaiting(), rollback(58));
    const aborted = restoringTemplate.when(abort(59)).then({
      events: [{ type: 'RolloutAborted', actor: carol }],
      effects: [
        { type: 'Notify', kind: 'RolloutAborted', message: expect.stringContaining('strategy is being restored') },
        { type: 'CancelTimer' },
      ],
    });
    expect(aborted.state?.phase).toEqual({ status: 'Finishing', outcome: 'Aborted' });

    const templateBack = restoringTemplate.and(abort(59)).when(patched(60, 'RestoreTemplate', OLD));
    templateBack.then({
      events: [
        { type: 'DaemonSetTemplateApplied', purpose: 'RestoreTemplate' },
        { type: 'DaemonSetPatchRequested', purpose: 'RestoreStrategy' },
      ],
      effects: [{ type: 'PatchDaemonSet', purpose: 'RestoreStrategy' }],
    });
    expect(templateBack.state?.phase).toEqual({ status: 'Finishing', outcome: 'Aborted' });

    const ended = restoringTemplate
      .and(abort(59), patched(60, 'RestoreTemplate', OLD))
      .when(patched(61, 'RestoreStrategy', OLD))
      .then({ events: [{ type: 'DaemonSetStrategyRestored' }] });
    expect(ended.state?.phase).toEqual({ status: 'Aborted' });
  });

  it('ends an abort at once, leaving OnDelete, while the new template is in place', () => {
    const aborted = givenInputs(...lastNodeWaiting())
      .when(abort(58))
      .thenEventTypes(['RolloutAborted'])
      .thenEffectTypes(['Notify', 'CancelTimer']);
    expect(aborted.state?.phase).toEqual({ status: 'Aborted' });
  });
});

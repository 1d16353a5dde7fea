import { givenInputs } from './testing/given-when-then.test-helper.js';
import { canaryEvicting, carol, evicted, podObserved, t } from './testing/rollout.fixtures.js';
import type { RolloutInput } from './rollout.decider.js';

const pause = (at: number): RolloutInput => ({ type: 'PauseRollout', actor: carol, now: t(at), comment: 'lunch' });
const resume = (at: number): RolloutInput => ({ type: 'ResumeRollout', actor: carol, now: t(at) });
const editedByOthers = (at: number, generation: number): RolloutInput => ({
  type: 'DaemonSetChangedExternally',
  now: t(at),
  generation,
  changedFields: ['spec.template.spec.containers[log-collector].image'],
  changedBy: 'kubectl-edit',
});

/** The canary node is updated and the operator paused the rollout during the bake. */
const pausedByOperator = (): RolloutInput[] => [
  ...canaryEvicting(),
  evicted('node-a1', 12),
  podObserved('node-a1', 20),
  pause(25),
];

describe('rollout saga: edits by someone else', () => {
  it('records an edit made while paused, keeps the pause, and re-applies the change on resume', () => {
    const paused = givenInputs(...pausedByOperator());
    const edited = paused.when(editedByOthers(30, 5)).then({
      events: [{ type: 'DaemonSetExternalChangeDetected', generation: 5, changedBy: 'kubectl-edit' }],
    });
    expect(edited.state?.phase).toMatchObject({ status: 'Paused', reason: 'RequestedByOperator' });
    paused
      .and(editedByOthers(30, 5))
      .when(resume(40))
      .then({ events: [{ type: 'RolloutResumed' }, { type: 'DaemonSetPatchRequested', purpose: 'ApplyChange' }] });
  });

  it('ignores a second report of the same DaemonSet generation, paused or not', () => {
    givenInputs(...canaryEvicting(), editedByOthers(12, 5))
      .when(editedByOthers(13, 5))
      .thenIgnored('AlreadyHandled');
    givenInputs(...pausedByOperator(), editedByOthers(30, 5))
      .when(editedByOthers(31, 5))
      .thenIgnored('AlreadyHandled');
  });

  it('records a newer edit after the change was re-applied', () => {
    givenInputs(...canaryEvicting(), editedByOthers(12, 5), resume(20))
      .when(editedByOthers(30, 7))
      .thenEventTypes(['DaemonSetExternalChangeDetected', 'RolloutPaused']);
  });
});

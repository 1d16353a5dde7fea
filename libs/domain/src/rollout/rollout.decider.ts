import { decideCommand } from './decide-commands.js';
import { decideObservation } from './decide-observations.js';
import { timersToCompare } from './rollout.active-timers.js';
import type { RolloutCommand } from './rollout.commands.js';
import type { Decision } from './rollout.decision.js';
import type { RolloutEffect } from './rollout.effects.js';
import type { RolloutEvent } from './rollout.events.js';
import { RolloutFold } from './rollout.fold.js';
import { notificationsFor } from './rollout.notifications.js';
import type { RolloutObservation } from './rollout.observations.js';
import { nextStep } from './rollout.progress.js';
import type { Rollout, RolloutState } from './rollout.state.js';
import { timerId } from './rollout.timers.js';

export type RolloutInput = RolloutCommand | RolloutObservation;

const COMMAND_TYPES: ReadonlySet<string> = new Set<RolloutCommand['type']>([
  'StartRollout',
  'ApproveStage',
  'RejectRollout',
  'PauseRollout',
  'ResumeRollout',
  'AbortRollout',
  'RollbackRollout',
]);

function isCommand(input: RolloutInput): input is RolloutCommand {
  return COMMAND_TYPES.has(input.type);
}

/**
 * The rollout saga: the events an input causes, followed by every step the saga then takes on its
 * own, and the effects those events call for (timers by comparing the deadlines before and after).
 */
export function decide(input: RolloutInput, state: RolloutState): Decision {
  return decideAndEvolve(input, state).decision;
}

export interface EvolvedDecision {
  readonly decision: Decision;
  /** The state after the decision's events: what folding them onto the input state gives. */
  readonly stateAfter: RolloutState;
}

/** `decide`, plus the state its events lead to, which it computes anyway. */
export function decideAndEvolve(input: RolloutInput, state: RolloutState): EvolvedDecision {
  const outcome = isCommand(input) ? decideCommand(input, state) : decideObservation(input, state);
  if ('rejected' in outcome) return { decision: outcome, stateAfter: state };
  if ('ignored' in outcome)
    return { decision: { events: [], effects: [], ignored: outcome.ignored }, stateAfter: state };

  const events: RolloutEvent[] = [];
  const effects: RolloutEffect[] = [];
  let current = state;
  const fold = new RolloutFold(state);
  const apply = (event: RolloutEvent) => {
    current = fold.apply(event);
    events.push(event);
    if (current !== null) effects.push(...effectsOf(event, current));
  };
  outcome.events.forEach(apply);
  // Events never add nodes, so the bound is fixed once the rollout exists.
  const maxSteps = current === null ? 0 : 4 * Object.keys(current.nodes).length + 100;
  for (let steps = 0; current !== null; steps++) {
    if (steps > maxSteps) throw new Error('Rollout saga did not settle');
    const next = nextStep(current, input.now);
    if (next === null) break;
    apply(next);
  }
  const firedTimerId = input.type === 'TimerFired' && state !== null ? timerId(state.rolloutId, input.timer) : null;
  const decision = { events, effects: [...effects, ...timerChanges(state, current, firedTimerId)] };
  return { decision, stateAfter: current };
}

/** The adapter work an event calls for, besides timers. */
export function effectsOf(event: RolloutEvent, rollout: Rollout): RolloutEffect[] {
  const notifications = notificationsFor(event, rollout);
  if (event.type === 'DaemonSetPatchRequested')
    return [
      {
        type: 'PatchDaemonSet',
        rolloutId: event.rolloutId,
        daemonSet: rollout.spec.daemonSet,
        daemonSetUid: rollout.daemonSetUid,
        purpose: event.purpose,
        updateStrategy: event.updateStrategy,
        change: event.change,
        restoreRevisionHash: event.restoreRevisionHash,
      },
      ...notifications,
    ];
  if (event.type === 'NodeEvictionRequested')
    return [
      {
        type: 'EvictPod',
        rolloutId: event.rolloutId,
        namespace: rollout.spec.daemonSet.namespace,
        podName: event.podName,
        podUid: event.podUid,
        node: event.node,
        attempt: event.attempt,
      },
    ];
  return notifications;
}

function timerChanges(before: RolloutState, after: RolloutState, firedTimerId: string | null): RolloutEffect[] {
  const { previous, next } = timersToCompare(before, after);
  const previousIds = new Set(previous.map((t) => t.timerId));
  const nextIds = new Set(next.map((t) => t.timerId));
  const cancels: RolloutEffect[] = previous
    .filter((t) => !nextIds.has(t.timerId) && t.timerId !== firedTimerId)
    .map((t) => ({ type: 'CancelTimer', rolloutId: after?.rolloutId ?? '', timerId: t.timerId }));
  const schedules: RolloutEffect[] = next
    .filter((t) => !previousIds.has(t.timerId))
    .map((t) => ({
      type: 'ScheduleTimer',
      rolloutId: after?.rolloutId ?? '',
      timerId: t.timerId,
      at: t.at,
      timer: t.timer,
    }));
  return [...cancels, ...schedules];
}

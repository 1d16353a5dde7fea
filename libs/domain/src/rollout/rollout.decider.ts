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
  const fold = new RolloutFold(state);
  const decision = decideOnFold(fold, input);
  if ('rejected' in decision || 'ignored' in decision) return { decision, stateAfter: state };
  const fired = firedTimerIds([input], state);
  return {
    decision: { events: decision.events, effects: [...decision.effects, ...timerChanges(state, fold, fired)] },
    stateAfter: fold.state,
  };
}

export interface DecidedInOrder {
  readonly events: readonly RolloutEvent[];
  readonly effects: readonly RolloutEffect[];
  readonly stateAfter: RolloutState;
}

/**
 * Decides inputs one after another, each on the state the previous one left, as if each had its own
 * append; the result is one append's worth of events and effects, with the timers compared once
 * between the first and the last state. Rejected inputs change nothing.
 */
export function decideInOrder(inputs: readonly RolloutInput[], state: RolloutState): DecidedInOrder {
  const fold = new RolloutFold(state);
  const events: RolloutEvent[] = [];
  const effects: RolloutEffect[] = [];
  const decided: RolloutInput[] = [];
  for (const input of inputs) {
    const decision = decideOnFold(fold, input);
    if ('rejected' in decision || 'ignored' in decision) continue;
    decided.push(input);
    events.push(...decision.events);
    effects.push(...decision.effects);
  }
  if (decided.length === 0) return { events, effects, stateAfter: state };
  const timers = timerChanges(state, fold, firedTimerIds(decided, state));
  return { events, effects: [...effects, ...timers], stateAfter: fold.state };
}

/** The input's events and every step the saga then takes on its own, applied to the fold; timers left out. */
function decideOnFold(fold: RolloutFold, input: RolloutInput): Decision {
  const outcome = isCommand(input) ? decideCommand(input, fold.state) : decideObservation(input, fold.state);
  if ('rejected' in outcome) return outcome;
  if ('ignored' in outcome) return { events: [], effects: [], ignored: outcome.ignored };
  const events: RolloutEvent[] = [];
  const effects: RolloutEffect[] = [];
  const apply = (event: RolloutEvent) => {
    const current = fold.apply(event);
    events.push(event);
    if (current !== null) effects.push(...effectsOf(event, current));
  };
  outcome.events.forEach(apply);
  let maxSteps = Number.POSITIVE_INFINITY;
  for (let steps = 0; ; steps++) {
    const current = fold.state;
    if (current === null) break;
    // Events never add nodes, so the bound is fixed once the rollout exists; counted only for long runs.
    if (steps === 100) maxSteps = 4 * Object.keys(current.nodes).length + 100;
    if (steps > maxSteps) throw new Error('Rollout saga did not settle');
    const next = nextStep(current, input.now, fold.index());
    if (next === null) break;
    apply(next);
  }
  return { events, effects };
}

function firedTimerIds(inputs: readonly RolloutInput[], state: RolloutState): Set<string> {
  const ids = new Set<string>();
  if (state !== null)
    for (const input of inputs) if (input.type === 'TimerFired') ids.add(timerId(state.rolloutId, input.timer));
  return ids;
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

function timerChanges(before: RolloutState, fold: RolloutFold, firedTimerIds: ReadonlySet<string>): RolloutEffect[] {
  const after = fold.state;
  const { previous, next } = timersToCompare(before, after, fold.changed());
  const previousAt = new Map(previous.map((t) => [t.timerId, t.at]));
  const nextIds = new Set(next.map((t) => t.timerId));
  const cancels: RolloutEffect[] = previous
    .filter((t) => !nextIds.has(t.timerId) && !firedTimerIds.has(t.timerId))
    .map((t) => ({ type: 'CancelTimer', rolloutId: after?.rolloutId ?? '', timerId: t.timerId }));
  const schedules: RolloutEffect[] = next
    // A moved deadline is scheduled again (an upsert), so the stored timer never fires at the old time.
    .filter((t) => previousAt.get(t.timerId) !== t.at)
    .map((t) => ({
      type: 'ScheduleTimer',
      rolloutId: after?.rolloutId ?? '',
      timerId: t.timerId,
      at: t.at,
      timer: t.timer,
    }));
  return [...cancels, ...schedules];
}

import type { RolloutState } from './rollout.state.js';
import { hasOutcome } from './rollout.state.js';
import type { RolloutTimer } from './rollout.timers.js';
import { timerId } from './rollout.timers.js';

export interface ActiveTimer {
  readonly timerId: string;
  readonly at: string;
  readonly timer: RolloutTimer;
}

/**
 * The timers a state needs, derived from the deadlines it holds: comparing them before and after
 * a decision gives the timers to schedule and to cancel. A pause holds bake and eviction retries;
 * node-ready deadlines keep running because a node that never comes up has failed either way.
 */
export function activeTimers(state: RolloutState, nodeKeys?: Iterable<string>): ActiveTimer[] {
  if (state === null || hasOutcome(state)) return [];
  const timers: ActiveTimer[] = [];
  const add = (timer: RolloutTimer, at: string) => timers.push({ timerId: timerId(state.rolloutId, timer), at, timer });
  const phase = state.phase;
  if (phase.status === 'AwaitingApproval')
    for (const approval of phase.approvals)
      add(
        {
          kind: 'ApprovalExpiry',
          stageIndex: phase.stageIndex,
          approverId: approval.actor.id,
          grantedAt: approval.grantedAt,
        },
        approval.expiresAt,
      );
  if (phase.status === 'Baking')
    add({ kind: 'BakeEnd', stageIndex: phase.stageIndex, bakeId: phase.bakeId }, phase.endsAt);
  for (const key of nodeKeys ?? Object.keys(state.nodes)) {
    const node = state.nodes[key];
    if (node.status === 'WaitingForPod' && node.readyDeadline !== null)
      add({ kind: 'NodeReadyTimeout', node: node.name, attempt: node.attempt }, node.readyDeadline);
    if (node.retryAt !== null && phase.status !== 'Paused')
      add({ kind: 'EvictionRetry', node: node.name, attempt: node.attempt }, node.retryAt);
  }
  return timers;
}

export interface TimersToCompare {
  readonly previous: ActiveTimer[];
  readonly next: ActiveTimer[];
}

/**
 * The timers of two states of one rollout that can differ: a node's timers follow from its progress
 * and the pause, so unless the pause or the end changed, only nodes whose progress changed are listed.
 * `changedNodes`, when the caller knows them (a fold does), spares comparing every node.
 */
export function timersToCompare(
  before: RolloutState,
  after: RolloutState,
  changedNodes?: ReadonlySet<string>,
): TimersToCompare {
  const sameFrame =
    before !== null &&
    after !== null &&
    before.rolloutId === after.rolloutId &&
    hasOutcome(before) === hasOutcome(after) &&
    (before.phase.status === 'Paused') === (after.phase.status === 'Paused');
  if (!sameFrame) return { previous: activeTimers(before), next: activeTimers(after) };
  const changed = changedNodes ?? Object.keys(before.nodes).filter((key) => before.nodes[key] !== after.nodes[key]);
  return { previous: activeTimers(before, changed), next: activeTimers(after, changed) };
}

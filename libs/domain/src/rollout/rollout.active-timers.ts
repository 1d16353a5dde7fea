import type { RolloutState } from './rollout.state.js';
import { isTerminal } from './rollout.state.js';
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
export function activeTimers(state: RolloutState): ActiveTimer[] {
  if (state === null || isTerminal(state)) return [];
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
  for (const node of Object.values(state.nodes)) {
    if (node.status === 'WaitingForPod' && node.readyDeadline !== null)
      add({ kind: 'NodeReadyTimeout', node: node.name, attempt: node.attempt }, node.readyDeadline);
    if (node.retryAt !== null && phase.status !== 'Paused')
      add({ kind: 'EvictionRetry', node: node.name, attempt: node.attempt }, node.retryAt);
  }
  return timers;
}

import { isTerminal, type RolloutState } from '#rollcall/domain';
import type { ClusterEffect } from '../store/append-rows.js';

/** Whether the saga still waits for this effect; a stale one is skipped instead of touching the cluster. */
export function stillAwaited(effect: ClusterEffect, state: RolloutState): boolean {
  if (state === null) return false;
  if (effect.type === 'EvictPod') {
    // An aborted (or otherwise finished) rollout replaces no more nodes, even those already queued.
    if (isTerminal(state)) return false;
    const node = state.nodes[effect.node];
    return node !== undefined && node.status === 'Evicting' && node.evictingPodUid === effect.podUid;
  }
  switch (effect.purpose) {
    case 'ApplyChange':
      return state.template === 'ChangeRequested';
    case 'RestoreTemplate':
      return state.template === 'RestoreRequested';
    case 'RestoreStrategy':
      return state.strategyRestore === 'Requested';
    default: {
      const unknown: never = effect.purpose;
      throw new Error(`Unknown patch purpose ${String(unknown)}`);
    }
  }
}

import { hasOutcome, type RolloutState } from '#rollcall/domain';
import type { ClusterEffect } from '../store/append-rows.js';

/** Run it now; skip it for good (the saga moved on); or hold it, still pending, until the saga may act again. */
export type EffectDisposition = 'run' | 'skip' | 'hold';

/** What to do with a pending effect in this state; a stale one is skipped instead of touching the cluster. */
export function effectDisposition(effect: ClusterEffect, state: RolloutState): EffectDisposition {
  if (state === null) return 'skip';
  if (effect.type === 'EvictPod') {
    // An aborted (or otherwise finished or finishing) rollout replaces no more nodes, even those already queued.
    if (hasOutcome(state)) return 'skip';
    const node = state.nodes[effect.node];
    if (node?.status !== 'Evicting' || node.evictingPodUid !== effect.podUid) return 'skip';
    // A pause stops queued evictions; the node stays Evicting, so resume carries out this very effect, once.
    return state.phase.status === 'Paused' ? 'hold' : 'run';
  }
  return patchAwaited(effect, state) ? 'run' : 'skip';
}

function patchAwaited(effect: Extract<ClusterEffect, { type: 'PatchDaemonSet' }>, state: NonNullable<RolloutState>) {
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

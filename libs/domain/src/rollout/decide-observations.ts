import { eventOf } from './rollout.event-factory.js';
import type { RolloutEvent } from './rollout.events.js';
import type { ObservedPod, RolloutObservation } from './rollout.observations.js';
import type { IgnoreReason } from './rollout.decision.js';
import type { NodeProgress, Rollout, RolloutState } from './rollout.state.js';
import { goalRevisionHash, hasOutcome } from './rollout.state.js';
import { addSeconds } from './rollout.time.js';
import { decideTimer } from './decide-timers.js';

export type ObservationOutcome = { readonly events: readonly RolloutEvent[] } | { readonly ignored: IgnoreReason };

const ignore = (reason: IgnoreReason): ObservationOutcome => ({ ignored: reason });

/** Folds an adapter result into events; a re-delivered or stale result changes nothing. */
export function decideObservation(observation: RolloutObservation, state: RolloutState): ObservationOutcome {
  if (state === null) return ignore('NoRollout');
  const rollout = state;
  const emit = eventOf.bind(null, rollout.rolloutId, observation.now);
  if (observation.type === 'DaemonSetPatched') return patched(rollout, observation);
  if (restoresAGoneDaemonSet(rollout, observation))
    return { events: [emit('DaemonSetStrategyRestoreSkipped', { reason: 'DaemonSetGone' })] };
  if (hasOutcome(rollout)) return ignore('RolloutFinished');
  switch (observation.type) {
    case 'PodEvicted':
    case 'EvictionBlockedByPdb':
    case 'EvictionFailed': {
      const node = rollout.nodes[observation.node];
      if (node === undefined) return ignore('UnknownNode');
      if (node.status !== 'Evicting' || node.evictingPodUid !== observation.podUid) return ignore('AlreadyHandled');
      return { events: [evictionOutcome(rollout, node, observation)] };
    }
    case 'PodObserved': {
      const node = rollout.nodes[observation.node];
      if (node === undefined) return ignore('UnknownNode');
      if (node.pod !== null && samePod(node.pod, observation.pod)) return ignore('AlreadyHandled');
      return { events: [emit('NodePodObserved', { node: node.name, pod: observation.pod })] };
    }
    case 'NodeRemoved': {
      const node = rollout.nodes[observation.node];
      if (node === undefined) return ignore('UnknownNode');
      if (node.status === 'Removed') return ignore('AlreadyHandled');
      return { events: [emit('NodeRemoved', { node: node.name, previousStatus: node.status })] };
    }
    case 'DaemonSetChangedExternally': {
      // A watch event checked late may show the DaemonSet from before our own patch: no one else's change.
      if (rollout.templateGeneration !== null && observation.generation <= rollout.templateGeneration)
        return ignore('StaleObservation');
      // Several updates of one generation (status changes racing the pause) report the same edit.
      if (rollout.externalChangeGeneration !== null && observation.generation <= rollout.externalChangeGeneration)
        return ignore('AlreadyHandled');
      const detected = emit('DaemonSetExternalChangeDetected', {
        generation: observation.generation,
        changedFields: observation.changedFields,
        changedBy: observation.changedBy,
      });
      if (rollout.phase.status === 'Paused') return { events: [detected] };
      return {
        events: [detected, emit('RolloutPaused', { actor: null, reason: 'DaemonSetChangedExternally', comment: null })],
      };
    }
    case 'TimerFired':
      return decideTimer(rollout, observation.timer, observation.now);
    default: {
      const unknown: never = observation;
      throw new Error(`Unknown rollout observation ${JSON.stringify(unknown)}`);
    }
  }
}

/** A rollout waiting to restore the strategy of a DaemonSet that no longer exists would wait forever. */
function restoresAGoneDaemonSet(rollout: Rollout, observation: RolloutObservation): boolean {
  return (
    rollout.phase.status === 'Finishing' &&
    rollout.strategyRestore === 'Requested' &&
    observation.type === 'DaemonSetChangedExternally' &&
    observation.changedFields.includes('metadata.uid')
  );
}

function patched(
  rollout: Rollout,
  observation: Extract<RolloutObservation, { type: 'DaemonSetPatched' }>,
): ObservationOutcome {
  const emit = eventOf.bind(null, rollout.rolloutId, observation.now);
  switch (observation.purpose) {
    case 'RestoreStrategy':
      if (rollout.strategyRestore !== 'Requested') return ignore('PatchNotAwaited');
      return { events: [emit('DaemonSetStrategyRestored', { generation: observation.generation })] };
    case 'ApplyChange':
    case 'RestoreTemplate': {
      const awaited = observation.purpose === 'ApplyChange' ? 'ChangeRequested' : 'RestoreRequested';
      if (rollout.template !== awaited) return ignore('PatchNotAwaited');
      const { purpose, revisionHash, generation } = observation;
      return { events: [emit('DaemonSetTemplateApplied', { purpose, revisionHash, generation })] };
    }
    default: {
      const unknown: never = observation.purpose;
      throw new Error(`Unknown patch purpose ${String(unknown)}`);
    }
  }
}

type EvictionResult = Extract<RolloutObservation, { type: 'PodEvicted' | 'EvictionBlockedByPdb' | 'EvictionFailed' }>;

function evictionOutcome(rollout: Rollout, node: NodeProgress, result: EvictionResult): RolloutEvent {
  const emit = eventOf.bind(null, rollout.rolloutId, result.now);
  const readyDeadline = addSeconds(result.now, rollout.spec.strategy.nodeReadyTimeoutSeconds);
  const retryAt = addSeconds(result.now, evictionBackoffSeconds(node.attempt));
  const podUid = result.podUid;
  switch (result.type) {
    case 'PodEvicted':
      return emit('NodePodEvicted', { node: node.name, podUid, alreadyGone: false, readyDeadline });
    case 'EvictionBlockedByPdb':
      return emit('NodeEvictionBlockedByPdb', {
        node: node.name,
        podUid,
        pdb: result.pdb,
        message: result.message,
        attempt: node.attempt,
        retryAt,
        crashLoopingNodes: crashLoopingOnGoal(rollout),
      });
    case 'EvictionFailed':
      if (result.reason === 'PodNotFound' || result.reason === 'PreconditionFailed')
        return emit('NodePodEvicted', { node: node.name, podUid, alreadyGone: true, readyDeadline });
      if (result.reason === 'RateLimited')
        return emit('NodeEvictionThrottled', { node: node.name, podUid, attempt: node.attempt, retryAt });
      return emit('NodeFailed', {
        node: node.name,
        reason: 'EvictionFailed',
        detail: `${result.reason}: ${result.message}`,
        podUid,
        direction: rollout.direction,
      });
    default: {
      const unknown: never = result;
      throw new Error(`Unknown eviction result ${JSON.stringify(unknown)}`);
    }
  }
}

/** Backs off 5 s, 10 s, 20 s ... up to two minutes between eviction attempts of one node. */
export function evictionBackoffSeconds(attempt: number): number {
  return Math.min(120, 5 * 2 ** Math.max(0, attempt - 1));
}

function crashLoopingOnGoal(rollout: Rollout): string[] {
  const goal = goalRevisionHash(rollout);
  return Object.values(rollout.nodes)
    .filter((node) => node.pod !== null && node.pod.crashLooping && node.pod.revisionHash === goal)
    .map((node) => node.name)
    .sort();
}

function samePod(a: ObservedPod, b: ObservedPod): boolean {
  return (
    a.uid === b.uid &&
    a.name === b.name &&
    a.revisionHash === b.revisionHash &&
    a.ready === b.ready &&
    a.restarts === b.restarts &&
    a.crashLooping === b.crashLooping
  );
}

import { eventOf } from './rollout.event-factory.js';
import type { NodeFailureReason, RolloutEvent } from './rollout.events.js';
import { isInFlight, nodeReached } from './node-work.js';
import type { NodeIndex } from './node-index.js';
import type { NodeProgress, Rollout } from './rollout.state.js';
import { goalRevisionHash } from './rollout.state.js';

/**
 * Reacts to what the pods on the nodes now look like, in any unfinished phase (a paused rollout
 * still records a node coming up): an in-flight node whose new pod is Ready on the goal revision
 * is done; an updated node whose pod breaks a health gate has failed. The first such node in
 * node-list order comes from the index, which tracks them as nodes change.
 */
export function nodeBookkeepingStep(rollout: Rollout, index: NodeIndex, now: string): RolloutEvent | null {
  const node = index.firstToBookkeep(rollout);
  if (node === null) return null;
  if (hasReachedGoal(rollout, node)) return nodeReached(rollout, node, now);
  const breach = healthGateBreach(rollout, node);
  if (breach === null) return null;
  return eventOf(rollout.rolloutId, now, 'NodeFailed', {
    node: node.name,
    reason: breach.reason,
    detail: breach.detail,
    podUid: node.pod?.uid ?? null,
    direction: rollout.direction,
  });
}

/** The bookkeeping step has something to record for this node: it came up, or (going forward) broke a gate. */
export function needsBookkeeping(rollout: Rollout, node: NodeProgress): boolean {
  return hasReachedGoal(rollout, node) || (rollout.direction === 'forward' && healthGateBreach(rollout, node) !== null);
}

/** A Ready pod counts only on the goal revision, and never the very pod being evicted. */
function hasReachedGoal(rollout: Rollout, node: NodeProgress): boolean {
  const pod = node.pod;
  return (
    isInFlight(node) &&
    pod !== null &&
    pod.ready &&
    pod.revisionHash === goalRevisionHash(rollout) &&
    pod.uid !== node.evictingPodUid
  );
}

function healthGateBreach(rollout: Rollout, node: NodeProgress): { reason: NodeFailureReason; detail: string } | null {
  const pod = node.pod;
  if (node.status !== 'Updated' || pod === null || pod.uid !== node.updatedPodUid) return null;
  const gates = rollout.spec.strategy.stages[node.stageIndex].healthGates;
  if (gates.failOnCrashLoop && pod.crashLooping)
    return { reason: 'CrashLooping', detail: `pod ${pod.name} is crash-looping` };
  const restarts = pod.restarts - (node.restartsAtUpdate ?? 0);
  if (restarts > gates.maxRestarts)
    return {
      reason: 'TooManyRestarts',
      detail: `pod ${pod.name} restarted ${restarts} times (allowed ${gates.maxRestarts})`,
    };
  if (gates.failOnReadinessLoss && !pod.ready)
    return { reason: 'ReadinessLost', detail: `pod ${pod.name} is no longer Ready` };
  return null;
}

import { eventOf } from './rollout.event-factory.js';
import type { NodeFailureReason, RolloutEvent } from './rollout.events.js';
import { isInFlight, nodeReached } from './node-work.js';
import type { NodeProgress, Rollout } from './rollout.state.js';
import { goalRevisionHash, nodeList } from './rollout.state.js';

/**
 * Reacts to what the pods on the nodes now look like, in any unfinished phase (a paused rollout
 * still records a node coming up): an in-flight node whose new pod is Ready on the goal revision
 * is done; an updated node whose pod breaks a health gate has failed.
 */
export function nodeBookkeepingStep(rollout: Rollout, now: string): RolloutEvent | null {
  for (const node of nodeList(rollout)) {
    if (hasReachedGoal(rollout, node)) return nodeReached(rollout, node, now);
    const breach = rollout.direction === 'forward' ? healthGateBreach(rollout, node) : null;
    if (breach)
      return eventOf(rollout.rolloutId, now, 'NodeFailed', {
        node: node.name,
        reason: breach.reason,
        detail: breach.detail,
        podUid: node.pod?.uid ?? null,
        direction: rollout.direction,
      });
  }
  return null;
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

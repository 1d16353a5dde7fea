import { addSeconds } from './rollout.time.js';
import { eventOf } from './rollout.event-factory.js';
import type { RolloutEvent } from './rollout.events.js';
import type { ObservedPod } from './rollout.observations.js';
import type { NodeIndex } from './node-index.js';
import type { NodeProgress, NodeStatus, Rollout } from './rollout.state.js';
import { goalRevisionHash, nodeList } from './rollout.state.js';

const IN_FLIGHT: readonly NodeStatus[] = ['Evicting', 'BlockedByPdb', 'WaitingForPod'];
const FINISHED_FORWARD: readonly NodeStatus[] = ['Updated', 'Failed', 'Removed'];
const FINISHED_BACK: readonly NodeStatus[] = ['Reverted', 'Failed', 'Removed'];

/** The nodes the saga works on now: the current stage going forward, every node to revert going back. */
export function workNodes(rollout: Rollout, stageIndex: number | null): NodeProgress[] {
  return nodeList(rollout).filter((node) =>
    rollout.direction === 'back' ? node.revertRequired : node.stageIndex === stageIndex,
  );
}

/** The stage whose nodes are the work nodes (as `workNodes` picks them); null going back, where every stage counts. */
export function workStage(rollout: Rollout, stageIndex: number | null): number | null {
  return rollout.direction === 'back' ? null : stageIndex;
}

export function isFinished(rollout: Rollout, node: NodeProgress): boolean {
  return (rollout.direction === 'back' ? FINISHED_BACK : FINISHED_FORWARD).includes(node.status);
}

export function isInFlight(node: NodeProgress): boolean {
  return IN_FLIGHT.includes(node.status);
}

/**
 * Counts against maxUnavailable: a node in flight or, going forward, a failed one whose pod is gone or
 * not Ready. A rollback passes failed nodes by, so that it ends (RollbackIncomplete) instead of stalling.
 */
export function isUnavailable(rollout: Rollout, node: NodeProgress): boolean {
  if (isInFlight(node)) return true;
  if (node.status !== 'Failed' || rollout.direction === 'back') return false;
  // A refused eviction left the old pod running; any other failure is about the pod that replaced it.
  const serving = node.failure === 'EvictionFailed' ? node.pod : replacementPod(node);
  return serving === null || !serving.ready;
}

/**
 * The next node to start, batch by batch: the batch that holds the first unfinished work node is
 * the current one, and at most its stage's batch size of work nodes are unavailable at once.
 */
export function nextNodeStep(
  rollout: Rollout,
  index: NodeIndex,
  stageIndex: number | null,
  now: string,
): RolloutEvent | null {
  const stage = workStage(rollout, stageIndex);
  const badReplacement = rollout.direction === 'back' ? index.firstBadReplacement(rollout, stage) : null;
  if (badReplacement) return startNode(rollout, badReplacement, now);
  const current = index.currentBatch(stage);
  if (current === null) return null;
  const limit = rollout.stages[current.stageIndex].batchSize;
  if (index.unavailableNodes(stage) >= limit) return null;
  const next = index.firstPending(rollout, current);
  return next ? startNode(rollout, next, now) : null;
}

/** The pod that replaced the evicted one on a node, if the controller has made one yet. */
export function replacementPod(node: NodeProgress): ObservedPod | null {
  return node.pod !== null && node.pod.uid !== node.evictingPodUid ? node.pod : null;
}

/** Going back, a waiting node's pod made from the bad template before the restore must be evicted, not waited on. */
export function awaitsBadReplacement(rollout: Rollout, node: NodeProgress): boolean {
  const pod = replacementPod(node);
  return node.status === 'WaitingForPod' && pod !== null && pod.revisionHash === rollout.targetRevisionHash;
}

/** Starts one node: nothing to do when it already runs the goal revision, else evict or wait for a pod. */
export function startNode(rollout: Rollout, node: NodeProgress, now: string): RolloutEvent {
  const goal = goalRevisionHash(rollout);
  const pod = node.pod;
  if (pod !== null && pod.revisionHash === goal && pod.ready) return nodeReached(rollout, node, now);
  const attempt = node.attempt + 1;
  if (pod === null)
    return eventOf(rollout.rolloutId, now, 'NodeAwaitingPod', {
      node: node.name,
      attempt,
      readyDeadline: addSeconds(now, rollout.spec.strategy.nodeReadyTimeoutSeconds),
    });
  return eventOf(rollout.rolloutId, now, 'NodeEvictionRequested', {
    node: node.name,
    podName: pod.name,
    podUid: pod.uid,
    podRevisionHash: pod.revisionHash,
    attempt,
    direction: rollout.direction,
  });
}

/** The node runs a Ready pod on the goal revision. */
export function nodeReached(rollout: Rollout, node: NodeProgress, now: string): RolloutEvent {
  const pod = node.pod!;
  return rollout.direction === 'back'
    ? eventOf(rollout.rolloutId, now, 'NodeReverted', {
        node: node.name,
        podUid: pod.uid,
        revisionHash: pod.revisionHash,
      })
    : eventOf(rollout.rolloutId, now, 'NodeUpdated', {
        node: node.name,
        podUid: pod.uid,
        revisionHash: pod.revisionHash,
        restarts: pod.restarts,
      });
}

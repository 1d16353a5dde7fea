import type { RolloutEvent } from './rollout.events.js';
import type { NodeProgress } from './rollout.state.js';

export type NodeEvent = Extract<RolloutEvent, { type: `Node${string}` }>;

export function isNodeEvent(event: RolloutEvent): event is NodeEvent {
  return event.type.startsWith('Node');
}

/** Folds a node-level event into that node's progress. */
export function evolveNode(node: NodeProgress, event: NodeEvent): NodeProgress {
  switch (event.type) {
    case 'NodeEvictionRequested':
      return {
        ...node,
        status: 'Evicting',
        attempt: event.attempt,
        evictingPodUid: event.podUid,
        readyDeadline: null,
        retryAt: null,
      };
    case 'NodeEvictionBlockedByPdb':
      return { ...node, status: 'BlockedByPdb', retryAt: event.retryAt };
    case 'NodeEvictionThrottled':
      return { ...node, retryAt: event.retryAt };
    case 'NodePodEvicted':
      return { ...node, status: 'WaitingForPod', readyDeadline: event.readyDeadline, retryAt: null };
    case 'NodeAwaitingPod':
      return { ...node, status: 'WaitingForPod', attempt: event.attempt, readyDeadline: event.readyDeadline };
    case 'NodePodObserved':
      return { ...node, pod: event.pod };
    case 'NodeUpdated':
      return {
        ...node,
        status: 'Updated',
        readyDeadline: null,
        retryAt: null,
        evictingPodUid: null,
        updatedPodUid: event.podUid,
        restartsAtUpdate: event.restarts,
      };
    case 'NodeReverted':
      return { ...node, status: 'Reverted', readyDeadline: null, retryAt: null, evictingPodUid: null };
    case 'NodeFailed':
      return { ...node, status: 'Failed', failure: event.reason, readyDeadline: null, retryAt: null };
    case 'NodeRemoved':
      return { ...node, status: 'Removed', readyDeadline: null, retryAt: null };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown node event ${JSON.stringify(unknown)}`);
    }
  }
}

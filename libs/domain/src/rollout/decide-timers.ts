import { eventOf } from './rollout.event-factory.js';
import type { RolloutEvent } from './rollout.events.js';
import type { IgnoreReason } from './rollout.decision.js';
import { nodeReached, startNode } from './node-work.js';
import { stageCompleted } from './rollout.progress.js';
import type { Rollout } from './rollout.state.js';
import { goalRevisionHash } from './rollout.state.js';
import type { RolloutTimer } from './rollout.timers.js';

type TimerOutcome = { readonly events: readonly RolloutEvent[] } | { readonly ignored: IgnoreReason };

const stale: TimerOutcome = { ignored: 'TimerNoLongerRelevant' };

/** A timer acts only while the state it was set for still holds, so a late or repeated firing is harmless. */
export function decideTimer(rollout: Rollout, timer: RolloutTimer, now: string): TimerOutcome {
  const phase = rollout.phase;
  switch (timer.kind) {
    case 'BakeEnd':
      if (phase.status !== 'Baking' || phase.stageIndex !== timer.stageIndex || phase.bakeId !== timer.bakeId)
        return stale;
      return { events: [stageCompleted(rollout, timer.stageIndex, now)] };
    case 'NodeReadyTimeout': {
      const node = rollout.nodes[timer.node];
      if (node === undefined || node.status !== 'WaitingForPod' || node.attempt !== timer.attempt) return stale;
      const pod = node.pod;
      const goal = goalRevisionHash(rollout) ?? 'the goal revision';
      const detail =
        pod === null || pod.uid === node.evictingPodUid
          ? `no replacement pod appeared within the deadline (waited for ${goal})`
          : `pod ${pod.name} on revision ${pod.revisionHash} is ${pod.ready ? 'Ready' : 'not Ready'}; waited for a Ready pod on ${goal}`;
      return {
        events: [
          eventOf(rollout.rolloutId, now, 'NodeFailed', {
            node: node.name,
            reason: 'ReadyTimeout',
            detail,
            podUid: pod?.uid ?? null,
            direction: rollout.direction,
          }),
        ],
      };
    }
    case 'EvictionRetry': {
      const node = rollout.nodes[timer.node];
      if (node === undefined || node.retryAt === null || node.attempt !== timer.attempt) return stale;
      if (phase.status === 'Paused') return { ignored: 'RolloutPaused' };
      const goal = goalRevisionHash(rollout);
      if (node.pod !== null && node.pod.ready && node.pod.revisionHash === goal)
        return { events: [nodeReached(rollout, node, now)] };
      return { events: [startNode(rollout, node, now)] };
    }
    case 'ApprovalExpiry': {
      if (phase.status !== 'AwaitingApproval' || phase.stageIndex !== timer.stageIndex) return stale;
      const approval = phase.approvals.find((a) => a.actor.id === timer.approverId && a.grantedAt === timer.grantedAt);
      if (approval === undefined) return stale;
      return {
        events: [
          eventOf(rollout.rolloutId, now, 'StageApprovalExpired', {
            stageIndex: timer.stageIndex,
            approverId: timer.approverId,
            grantedAt: timer.grantedAt,
          }),
        ],
      };
    }
    default: {
      const unknown: never = timer;
      throw new Error(`Unknown timer ${JSON.stringify(unknown)}`);
    }
  }
}

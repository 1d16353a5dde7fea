import type { Actor } from '../envelope.js';
import type { DaemonSetUpdateStrategy } from './cluster-view.js';
import type { Direction, NodeFailureReason, PauseReason } from './rollout.events.js';
import type { ObservedPod } from './rollout.observations.js';
import type { PlannedStage } from './rollout-plan.js';
import type { RolloutSpec } from './rollout-spec.js';

export type NodeStatus =
  'Pending' | 'Evicting' | 'BlockedByPdb' | 'WaitingForPod' | 'Updated' | 'Failed' | 'Reverted' | 'Removed';

export interface NodeProgress {
  readonly name: string;
  readonly stageIndex: number;
  readonly batchIndex: number;
  readonly status: NodeStatus;
  readonly pod: ObservedPod | null;
  /** Counts every eviction or wait started on this node; timers carry it to recognise stale firings. */
  readonly attempt: number;
  readonly evictingPodUid: string | null;
  readonly readyDeadline: string | null;
  readonly retryAt: string | null;
  readonly restartsAtUpdate: number | null;
  /** The pod that made the node count as updated; health gates watch this pod. */
  readonly updatedPodUid: string | null;
  readonly failure: NodeFailureReason | null;
  /** Set when a rollback starts for nodes that may run the new revision. */
  readonly revertRequired: boolean;
}

export interface Approval {
  readonly actor: Actor;
  readonly comment: string | null;
  readonly grantedAt: string;
  readonly expiresAt: string;
}

/** The phases the saga can stand in; Pending means "stage `stageIndex` is next and not started yet". */
export type ActivePhase =
  | { readonly status: 'Pending'; readonly stageIndex: number }
  | { readonly status: 'AwaitingApproval'; readonly stageIndex: number; readonly approvals: readonly Approval[] }
  | { readonly status: 'Running'; readonly stageIndex: number }
  | {
      readonly status: 'Baking';
      readonly stageIndex: number;
      readonly bakeId: number;
      readonly endsAt: string;
      /** Failures the stage already had (and the policy tolerated) before the bake began. */
      readonly failedAtStart: number;
    }
  | { readonly status: 'RollingBack' };

/** How a rollout ended; the phase of the same name is reached once the update strategy is back. */
export type RolloutOutcome = 'Succeeded' | 'RolledBack' | 'Aborted' | 'Failed' | 'Rejected';

export type RolloutPhase =
  | ActivePhase
  | { readonly status: 'Paused'; readonly reason: PauseReason; readonly previous: ActivePhase }
  /** The outcome is recorded; the saga waits for the DaemonSet's update strategy to be restored before it ends. */
  | { readonly status: 'Finishing'; readonly outcome: RolloutOutcome }
  | { readonly status: 'Succeeded' }
  | { readonly status: 'RolledBack' }
  | { readonly status: 'Aborted' }
  | { readonly status: 'Failed' }
  | { readonly status: 'Rejected' };

export type RolloutStatus = RolloutPhase['status'];

/** Where the DaemonSet's pod template stands relative to what the saga wants. */
export type TemplateState =
  'Original' | 'ChangeRequested' | 'ChangeApplied' | 'RestoreRequested' | 'Restored' | 'Drifted';

export interface Rollout {
  readonly rolloutId: string;
  readonly spec: RolloutSpec;
  readonly requestedBy: Actor;
  readonly daemonSetUid: string;
  readonly originalRevisionHash: string;
  readonly originalUpdateStrategy: DaemonSetUpdateStrategy;
  readonly stages: readonly PlannedStage[];
  readonly nodes: Readonly<Record<string, NodeProgress>>;
  readonly phase: RolloutPhase;
  readonly direction: Direction;
  readonly started: boolean;
  readonly template: TemplateState;
  /** The DaemonSet generation our last template patch produced; a view of an older one predates it. */
  readonly templateGeneration: number | null;
  readonly targetRevisionHash: string | null;
  /** The newest DaemonSet generation recorded as someone else's edit; a repeated report of it is ignored. */
  readonly externalChangeGeneration: number | null;
  readonly strategyRestore: 'NotRequested' | 'Requested' | 'Done';
  readonly approvedStages: readonly number[];
  readonly bakeCount: number;
  /** Failed nodes an operator accepted by resuming; only failures beyond these count against the policy. */
  readonly acknowledgedFailures: number;
  readonly stageFailure: { readonly stageIndex: number; readonly node: string } | null;
}

/** No rollout yet: the stream is empty. */
export type RolloutState = Rollout | null;

export const initialRolloutState: RolloutState = null;

export const TERMINAL_STATUSES: readonly RolloutStatus[] = ['Succeeded', 'RolledBack', 'Aborted', 'Failed', 'Rejected'];

export function isTerminal(rollout: Rollout): boolean {
  return TERMINAL_STATUSES.includes(rollout.phase.status);
}

/** How the rollout ended, known already while it is Finishing; null while it runs. */
export function outcomeOf(rollout: Rollout): RolloutOutcome | null {
  const phase = rollout.phase;
  switch (phase.status) {
    case 'Finishing':
      return phase.outcome;
    case 'Succeeded':
    case 'RolledBack':
    case 'Aborted':
    case 'Failed':
    case 'Rejected':
      return phase.status;
    default:
      return null;
  }
}

/** The outcome is decided (finishing or ended): no more node work, commands or cluster observations. */
export function hasOutcome(rollout: Rollout): boolean {
  return rollout.phase.status === 'Finishing' || isTerminal(rollout);
}

/** The nodes by stage, batch and name; the order is sorted once per plan, not on every call. */
export function nodeList(rollout: Rollout): NodeProgress[] {
  const cached = nodeOrders.get(rollout.stages);
  const listed = cached && inCachedOrder(cached, rollout.nodes);
  if (listed) return listed;
  const sorted = Object.entries(rollout.nodes).sort(([, a], [, b]) => compareNodes(a, b));
  nodeOrders.set(
    rollout.stages,
    sorted.map(([key, node]) => ({ key, stageIndex: node.stageIndex, batchIndex: node.batchIndex })),
  );
  return sorted.map(([, node]) => node);
}

interface NodePlace {
  readonly key: string;
  readonly stageIndex: number;
  readonly batchIndex: number;
}

// Keyed by the plan's stages, which every state of a rollout shares; checked before use, so a stale entry only costs a sort.
const nodeOrders = new WeakMap<readonly PlannedStage[], readonly NodePlace[]>();

/** Node-list order: by stage, batch and name. */
export function compareNodes(a: NodeProgress, b: NodeProgress): number {
  return a.stageIndex - b.stageIndex || a.batchIndex - b.batchIndex || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** The nodes in the cached order, or null unless the keys, stages and batches are exactly those it was sorted from. */
function inCachedOrder(order: readonly NodePlace[], nodes: Rollout['nodes']): NodeProgress[] | null {
  if (Object.keys(nodes).length !== order.length) return null;
  const listed: NodeProgress[] = new Array<NodeProgress>(order.length);
  for (let i = 0; i < order.length; i++) {
    const place = order[i];
    const node = Object.hasOwn(nodes, place.key) ? nodes[place.key] : undefined;
    if (node?.stageIndex !== place.stageIndex || node.batchIndex !== place.batchIndex) return null;
    listed[i] = node;
  }
  return listed;
}

/** The revision the saga is moving nodes to now: the change going forward, the original going back. */
export function goalRevisionHash(rollout: Rollout): string | null {
  return rollout.direction === 'forward' ? rollout.targetRevisionHash : rollout.originalRevisionHash;
}

export function failedNodeCount(rollout: Rollout): number {
  return countNodes(rollout, (node) => node.status === 'Failed');
}

export function stageFailures(rollout: Rollout, stageIndex: number): number {
  return countNodes(rollout, (node) => node.stageIndex === stageIndex && node.status === 'Failed');
}

function countNodes(rollout: Rollout, matches: (node: NodeProgress) => boolean): number {
  let count = 0;
  for (const key in rollout.nodes) if (matches(rollout.nodes[key])) count++;
  return count;
}

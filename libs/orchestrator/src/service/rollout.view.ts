import {
  nodeList,
  outcomeOf,
  type Actor,
  type DaemonSetRef,
  type NodeStatus,
  type Rollout,
  type RolloutOutcome,
  type RolloutSpec,
  type RolloutStatus,
} from '#rollcall/domain';
import { approvalsOf, type StageApprovalsView } from './rollout-approvals.view.js';
import { auditOf, type RolloutAuditView } from './rollout-audit.view.js';
import { timelineEntryOf } from './rollout-event.summary.js';
import type { StoredRolloutEvent, TimelineEntry } from './rollout-timeline.view.js';

/** A rollout as the API shows it in lists. */
export interface RolloutSummary {
  readonly id: string;
  readonly daemonSet: DaemonSetRef;
  readonly status: RolloutStatus;
  readonly requestedBy: Actor;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface RolloutNodeView {
  readonly name: string;
  readonly stage: string;
  readonly batch: number;
  readonly status: NodeStatus;
  readonly podRevisionHash: string | null;
  readonly failure: string | null;
}

/** A rollout with its progress, for one rollout's page; never a database row. */
export interface RolloutView extends RolloutSummary {
  readonly version: number;
  readonly spec: RolloutSpec;
  readonly direction: 'forward' | 'back';
  readonly pausedReason: string | null;
  /** How the rollout ended, known already while it restores the update strategy (Finishing). */
  readonly outcome: RolloutOutcome | null;
  readonly currentStage: string | null;
  readonly originalRevisionHash: string;
  readonly targetRevisionHash: string | null;
  readonly stages: readonly { readonly name: string; readonly batchSize: number; readonly nodes: readonly string[] }[];
  readonly nodes: readonly RolloutNodeView[];
  readonly approvals: readonly StageApprovalsView[];
  readonly audit: RolloutAuditView;
  /** The newest events, oldest first; the full stream is paged at /v1/rollouts/{id}/events. */
  readonly timeline: readonly TimelineEntry[];
  readonly timelineTruncated: boolean;
}

/** What the detail reads from the rollout's events besides its state. */
export interface RolloutHistory {
  readonly decisions: readonly StoredRolloutEvent[];
  readonly latest: readonly StoredRolloutEvent[];
  readonly podNames: ReadonlyMap<string, string>;
}

export function rolloutView(
  summary: RolloutSummary,
  rollout: Rollout,
  version: number,
  history: RolloutHistory,
): RolloutView {
  const phase = rollout.phase;
  const { spec } = rollout;
  const stageNames = spec.strategy.stages.map((stage) => stage.name);
  const active = phase.status === 'Paused' ? phase.previous : phase;
  const stageIndex = 'stageIndex' in active ? active.stageIndex : null;
  return {
    ...summary,
    status: phase.status,
    version,
    spec,
    direction: rollout.direction,
    pausedReason: phase.status === 'Paused' ? phase.reason : null,
    outcome: outcomeOf(rollout),
    currentStage: stageIndex === null ? null : (rollout.stages[stageIndex]?.name ?? null),
    originalRevisionHash: rollout.originalRevisionHash,
    targetRevisionHash: rollout.targetRevisionHash,
    stages: rollout.stages.map((stage) => ({
      name: stage.name,
      batchSize: stage.batchSize,
      nodes: stage.batches.flat(),
    })),
    nodes: nodeList(rollout).map((node) => ({
      name: node.name,
      stage: rollout.stages[node.stageIndex]?.name ?? '',
      batch: node.batchIndex,
      status: node.status,
      podRevisionHash: node.pod?.revisionHash ?? null,
      failure: node.failure,
    })),
    approvals: approvalsOf(spec.strategy.stages, history.decisions),
    audit: auditOf(
      {
        requestedBy: rollout.requestedBy,
        requestedAt: summary.createdAt,
        reason: spec.reason,
        ticket: spec.ticket,
        change: spec.change,
        revisionBefore: rollout.originalRevisionHash,
        revisionAfter: rollout.targetRevisionHash,
      },
      history.decisions,
    ),
    timeline: history.latest.map((stored) => timelineEntryOf(stored, { stageNames, podNames: history.podNames })),
    timelineTruncated: history.latest.length < version,
  };
}

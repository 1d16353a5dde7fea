import type { Actor } from '../envelope.js';
import type { DaemonSetUpdateStrategy } from './cluster-view.js';
import type { ObservedPod, PatchPurpose } from './rollout.observations.js';
import type { RolloutPlan } from './rollout-plan.js';
import type { RolloutSpec, TemplateChange } from './rollout-spec.js';

/** Why the rollout stopped on its own or was stopped. */
export type PauseReason =
  'RequestedByOperator' | 'FailureThresholdExceeded' | 'StageFailed' | 'DaemonSetChangedExternally';

export type NodeFailureReason =
  'ReadyTimeout' | 'EvictionFailed' | 'CrashLooping' | 'TooManyRestarts' | 'ReadinessLost';

export type Direction = 'forward' | 'back';

/** Everything an auditor needs to replay a step; `at` is the saga's clock, `actor` is null for the system. */
type Event<T extends string, D> = { readonly type: T; readonly rolloutId: string; readonly at: string } & D;

export type RolloutEvent =
  | Event<
      'RolloutRequested',
      {
        readonly requestedBy: Actor;
        readonly spec: RolloutSpec;
        readonly plan: RolloutPlan;
        readonly daemonSetUid: string;
        readonly originalRevisionHash: string;
        readonly originalUpdateStrategy: DaemonSetUpdateStrategy;
      }
    >
  | Event<'StageAwaitingApproval', { readonly stageIndex: number; readonly stage: string; readonly required: number }>
  | Event<
      'StageApprovalGranted',
      {
        readonly stageIndex: number;
        readonly stage: string;
        readonly actor: Actor;
        readonly comment: string | null;
        readonly expiresAt: string;
      }
    >
  | Event<
      'StageApprovalExpired',
      { readonly stageIndex: number; readonly approverId: string; readonly grantedAt: string }
    >
  | Event<
      'StageApproved',
      { readonly stageIndex: number; readonly stage: string; readonly approvers: readonly Actor[] }
    >
  | Event<'RolloutStarted', Record<never, never>>
  | Event<
      'DaemonSetPatchRequested',
      {
        readonly purpose: PatchPurpose;
        readonly change: TemplateChange | null;
        readonly restoreRevisionHash: string | null;
        readonly updateStrategy: DaemonSetUpdateStrategy;
      }
    >
  | Event<
      'DaemonSetTemplateApplied',
      { readonly purpose: PatchPurpose; readonly revisionHash: string; readonly generation: number }
    >
  | Event<'DaemonSetStrategyRestored', { readonly generation: number }>
  /** The DaemonSet the rollout changed is gone (deleted, or replaced by one with another uid): nothing to restore. */
  | Event<'DaemonSetStrategyRestoreSkipped', { readonly reason: 'DaemonSetGone' }>
  | Event<
      'DaemonSetExternalChangeDetected',
      { readonly generation: number; readonly changedFields: readonly string[]; readonly changedBy: string | null }
    >
  | Event<'StageStarted', { readonly stageIndex: number; readonly stage: string; readonly nodes: readonly string[] }>
  | Event<
      'NodeEvictionRequested',
      {
        readonly node: string;
        readonly podName: string;
        readonly podUid: string;
        readonly podRevisionHash: string;
        readonly attempt: number;
        readonly direction: Direction;
      }
    >
  | Event<
      'NodeEvictionBlockedByPdb',
      {
        readonly node: string;
        readonly podUid: string;
        readonly pdb: string | null;
        readonly message: string;
        readonly attempt: number;
        readonly retryAt: string;
        /** Nodes whose new pod crash-loops: under IfHealthyBudget they can be what eats the budget. */
        readonly crashLoopingNodes: readonly string[];
      }
    >
  | Event<
      'NodeEvictionThrottled',
      { readonly node: string; readonly podUid: string; readonly attempt: number; readonly retryAt: string }
    >
  | Event<
      'NodePodEvicted',
      { readonly node: string; readonly podUid: string; readonly alreadyGone: boolean; readonly readyDeadline: string }
    >
  | Event<'NodeAwaitingPod', { readonly node: string; readonly attempt: number; readonly readyDeadline: string }>
  | Event<'NodePodObserved', { readonly node: string; readonly pod: ObservedPod }>
  | Event<
      'NodeUpdated',
      { readonly node: string; readonly podUid: string; readonly revisionHash: string; readonly restarts: number }
    >
  | Event<'NodeReverted', { readonly node: string; readonly podUid: string; readonly revisionHash: string }>
  | Event<
      'NodeFailed',
      {
        readonly node: string;
        readonly reason: NodeFailureReason;
        readonly detail: string;
        readonly podUid: string | null;
        readonly direction: Direction;
      }
    >
  | Event<'NodeRemoved', { readonly node: string; readonly previousStatus: string }>
  | Event<'StageBakeStarted', { readonly stageIndex: number; readonly bakeId: number; readonly endsAt: string }>
  | Event<'StageFailed', { readonly stageIndex: number; readonly node: string; readonly reason: NodeFailureReason }>
  | Event<
      'StageCompleted',
      {
        readonly stageIndex: number;
        readonly stage: string;
        readonly updated: readonly string[];
        readonly failed: readonly string[];
      }
    >
  | Event<
      'RolloutPaused',
      { readonly actor: Actor | null; readonly reason: PauseReason; readonly comment: string | null }
    >
  | Event<
      'RolloutResumed',
      { readonly actor: Actor; readonly comment: string | null; readonly acknowledgedFailedNodes: number }
    >
  | Event<
      'RolloutRollbackStarted',
      {
        readonly actor: Actor | null;
        readonly comment: string | null;
        readonly fromRevisionHash: string | null;
        readonly toRevisionHash: string;
      }
    >
  | Event<'RolloutSucceeded', { readonly updated: readonly string[]; readonly failed: readonly string[] }>
  | Event<'RolloutRolledBack', { readonly reverted: readonly string[] }>
  | Event<'RolloutAborted', { readonly actor: Actor; readonly comment: string }>
  | Event<'RolloutFailed', { readonly reason: 'RollbackIncomplete'; readonly nodes: readonly string[] }>
  | Event<'RolloutRejected', { readonly actor: Actor; readonly comment: string; readonly stageIndex: number }>;

export type RolloutEventType = RolloutEvent['type'];
export type RolloutEventOf<T extends RolloutEventType> = Extract<RolloutEvent, { type: T }>;

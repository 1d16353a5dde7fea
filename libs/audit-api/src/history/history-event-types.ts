import type { ApiActionEventType } from '#rollcall/auth';
import type { ClusterEventType, RolloutEventType } from '#rollcall/domain';

type HistoryEventType = ClusterEventType | RolloutEventType | ApiActionEventType | 'WatchGap';

// A Record, so that a new event type in the domain fails to compile here until it is filterable.
const KNOWN: Readonly<Record<HistoryEventType, true>> = {
  NodeObserved: true,
  NodeDeleted: true,
  DaemonSetObserved: true,
  DaemonSetDeleted: true,
  ControllerRevisionObserved: true,
  ControllerRevisionDeleted: true,
  PodObserved: true,
  PodDeleted: true,
  PdbObserved: true,
  PdbDeleted: true,
  ResyncStarted: true,
  ResyncPartitionSeen: true,
  ResyncCompleted: true,
  WatchGap: true,
  RolloutRequested: true,
  RolloutRejected: true,
  RolloutStarted: true,
  RolloutPaused: true,
  RolloutResumed: true,
  RolloutAborted: true,
  RolloutFailed: true,
  RolloutSucceeded: true,
  RolloutRollbackStarted: true,
  RolloutRolledBack: true,
  StageStarted: true,
  StageAwaitingApproval: true,
  StageApprovalGranted: true,
  StageApprovalExpired: true,
  StageApproved: true,
  StageBakeStarted: true,
  StageCompleted: true,
  StageFailed: true,
  NodeAwaitingPod: true,
  NodeEvictionRequested: true,
  NodeEvictionBlockedByPdb: true,
  NodeEvictionThrottled: true,
  NodePodEvicted: true,
  NodePodObserved: true,
  NodeUpdated: true,
  NodeFailed: true,
  NodeRemoved: true,
  NodeReverted: true,
  DaemonSetPatchRequested: true,
  DaemonSetTemplateApplied: true,
  DaemonSetStrategyRestored: true,
  DaemonSetStrategyRestoreSkipped: true,
  DaemonSetExternalChangeDetected: true,
  TokenCreated: true,
  TokenRevoked: true,
};

/** Every event type the history can hold, for validating the `type` filter. */
export const HISTORY_EVENT_TYPES: readonly string[] = Object.keys(KNOWN).sort();

export const isHistoryEventType = (type: string): boolean => Object.hasOwn(KNOWN, type);

import type { NodeSelection } from './rollout-spec.js';

export type NodeNote = 'NodeNotReady' | 'NodeCordoned' | 'NoDaemonSetPod' | 'PodNotReady' | 'AlreadyOnTargetRevision';

export interface PlannedPod {
  readonly name: string;
  readonly uid: string;
  readonly revisionHash: string;
  readonly ready: boolean;
  readonly restarts: number;
  readonly crashLooping: boolean;
}

export interface PlannedNode {
  readonly name: string;
  readonly stageIndex: number;
  readonly batchIndex: number;
  readonly hasDaemonSetPod: boolean;
  readonly podRevisionHash: string | null;
  readonly pod: PlannedPod | null;
  readonly notes: readonly NodeNote[];
}

export interface PlannedStage {
  readonly index: number;
  readonly name: string;
  readonly selection: NodeSelection;
  readonly batchSize: number;
  /** Node names per batch, in the order they are replaced. */
  readonly batches: readonly (readonly string[])[];
}

export type PlanWarningCode =
  | 'StageSelectsNoNodes'
  | 'NodesNotReady'
  | 'NodesCordoned'
  | 'NodesWithoutDaemonSetPod'
  | 'NodesNotCoveredByAnyStage'
  | 'DaemonSetStatusStale'
  | 'PdbStatusStale'
  | 'PdbMinAvailableNotInteger'
  | 'PdbMaxUnavailableOnDaemonSet'
  | 'PdbBlocksBatch'
  | 'MultiplePdbsMatch';

export interface PlanWarning {
  readonly code: PlanWarningCode;
  readonly message: string;
  readonly stage?: string;
  readonly nodes?: readonly string[];
  readonly pdb?: string;
}

export interface PdbAllowance {
  readonly pdb: string;
  /** Evictions the PDB allows right now (0 when its status cannot be trusted). */
  readonly disruptionsAllowed: number;
  readonly statusFresh: boolean;
  readonly currentHealthy: number;
  readonly desiredHealthy: number;
  readonly expectedPods: number;
}

export interface RolloutPlan {
  readonly desiredPods: number;
  readonly stages: readonly PlannedStage[];
  readonly nodes: readonly PlannedNode[];
  readonly pdbs: readonly PdbAllowance[];
  readonly warnings: readonly PlanWarning[];
}

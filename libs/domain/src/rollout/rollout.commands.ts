import type { Actor } from '../envelope.js';
import type { ClusterSnapshot } from './cluster-view.js';
import type { RolloutSpec } from './rollout-spec.js';

/** Every command names who gives it and when (the clock comes in from outside). */
interface CommandBase {
  readonly actor: Actor;
  readonly now: string;
}

export interface StartRollout extends CommandBase {
  readonly type: 'StartRollout';
  readonly rolloutId: string;
  readonly spec: RolloutSpec;
  readonly cluster: ClusterSnapshot;
}

export interface ApproveStage extends CommandBase {
  readonly type: 'ApproveStage';
  /** The stage the approver means; refused when another stage is waiting. */
  readonly stage?: string;
  readonly comment?: string;
}

export interface RejectRollout extends CommandBase {
  readonly type: 'RejectRollout';
  readonly comment: string;
}

export interface PauseRollout extends CommandBase {
  readonly type: 'PauseRollout';
  readonly comment?: string;
}

export interface ResumeRollout extends CommandBase {
  readonly type: 'ResumeRollout';
  readonly comment?: string;
}

export interface AbortRollout extends CommandBase {
  readonly type: 'AbortRollout';
  readonly comment: string;
}

export interface RollbackRollout extends CommandBase {
  readonly type: 'RollbackRollout';
  readonly comment: string;
}

export type RolloutCommand =
  StartRollout | ApproveStage | RejectRollout | PauseRollout | ResumeRollout | AbortRollout | RollbackRollout;

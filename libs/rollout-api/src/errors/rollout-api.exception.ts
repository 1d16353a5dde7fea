import type { RejectionReason } from '#rollcall/domain';
import { ProblemException, type ProblemSpec } from '#rollcall/http';

export enum RolloutApiExceptionCode {
  DaemonSetNotFound = 'daemonset-not-found',
  ActiveRolloutExists = 'active-rollout-exists',
  RolloutNotFound = 'rollout-not-found',
  ConcurrentUpdate = 'concurrent-update',
}

const SPECS: Readonly<Record<RolloutApiExceptionCode, ProblemSpec>> = {
  [RolloutApiExceptionCode.DaemonSetNotFound]: { status: 404, title: 'No such DaemonSet' },
  [RolloutApiExceptionCode.ActiveRolloutExists]: { status: 409, title: 'The DaemonSet already has an active rollout' },
  [RolloutApiExceptionCode.RolloutNotFound]: { status: 404, title: 'No such rollout' },
  [RolloutApiExceptionCode.ConcurrentUpdate]: { status: 409, title: 'The rollout kept changing; try again' },
};

/** The saga's refusals keep their own names as problem codes, so clients can switch on the decider's vocabulary. */
const REJECTIONS: Readonly<Record<RejectionReason, ProblemSpec>> = {
  RolloutAlreadyExists: { status: 409, title: 'The rollout already exists' },
  RolloutNotFound: { status: 404, title: 'No such rollout' },
  NoNodesToUpdate: { status: 409, title: 'No node needs the change' },
  RolloutNotAwaitingApproval: { status: 409, title: 'The rollout is not waiting for an approval' },
  StageNotAwaitingApproval: { status: 409, title: 'That stage is not waiting for an approval' },
  RequesterCannotApprove: { status: 409, title: 'The requester cannot approve their own rollout' },
  AlreadyApprovedByActor: { status: 409, title: 'This approver already approved the stage' },
  RolloutAlreadyPaused: { status: 409, title: 'The rollout is already paused' },
  RolloutNotPaused: { status: 409, title: 'The rollout is not paused' },
  RolloutFinished: { status: 409, title: 'The rollout has finished' },
  NothingToRollBack: { status: 409, title: 'There is nothing to roll back' },
  RollbackAlreadyInProgress: { status: 409, title: 'A rollback is already in progress' },
};

/** Problems of the rollouts API; mapped from the orchestrator's errors in rollout-problem.mapping.ts. */
export class RolloutApiException extends ProblemException<string> {
  private constructor(code: string, spec: ProblemSpec, detail: string) {
    super(code, spec, detail);
  }

  static of(code: RolloutApiExceptionCode, detail: string): RolloutApiException {
    return new RolloutApiException(code, SPECS[code], detail);
  }

  static rejected(reason: RejectionReason, detail: string): RolloutApiException {
    return new RolloutApiException(reason, REJECTIONS[reason], detail);
  }
}

import type { RolloutEffect } from './rollout.effects.js';
import type { RolloutEvent } from './rollout.events.js';

/** Why a command makes no sense in the rollout's state; returned, never thrown. */
export type RejectionReason =
  | 'RolloutAlreadyExists'
  | 'RolloutNotFound'
  | 'NoNodesToUpdate'
  | 'RolloutNotAwaitingApproval'
  | 'StageNotAwaitingApproval'
  | 'RequesterCannotApprove'
  | 'AlreadyApprovedByActor'
  | 'RolloutAlreadyPaused'
  | 'RolloutNotPaused'
  | 'RolloutFinished'
  | 'NothingToRollBack'
  | 'RollbackAlreadyInProgress';

/** Why an adapter result changed nothing: re-delivered, stale, or about something the saga does not track. */
export type IgnoreReason =
  | 'NoRollout'
  | 'RolloutFinished'
  | 'RolloutPaused'
  | 'UnknownNode'
  | 'AlreadyHandled'
  | 'PatchNotAwaited'
  | 'TimerNoLongerRelevant'
  | 'StaleObservation';

export type Decision =
  | {
      readonly events: readonly RolloutEvent[];
      readonly effects: readonly RolloutEffect[];
      readonly ignored?: IgnoreReason;
    }
  | { readonly rejected: RejectionReason; readonly message: string };

export function rejected(reason: RejectionReason, message: string): Decision {
  return { rejected: reason, message };
}

/** What a handler returns before the saga's own follow-up steps and the effects are added. */
export type HandlerResult =
  { readonly events: readonly RolloutEvent[] } | { readonly ignored: IgnoreReason } | Decision;

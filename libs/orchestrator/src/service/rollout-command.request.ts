import type { Actor, RolloutCommand } from '#rollcall/domain';

export type RolloutCommandKind = 'approve' | 'reject' | 'pause' | 'resume' | 'abort' | 'rollback';

/** A command as the REST and ChatOps layers hand it over. */
export interface RolloutCommandRequest {
  readonly kind: RolloutCommandKind;
  readonly actor: Actor;
  readonly comment?: string;
  /** For approve: the stage the approver means. */
  readonly stage?: string;
}

export function toSagaCommand(request: RolloutCommandRequest, now: string): RolloutCommand {
  const { actor, comment } = request;
  const base = { actor, now };
  switch (request.kind) {
    case 'approve':
      return {
        type: 'ApproveStage',
        ...base,
        ...(request.stage === undefined ? {} : { stage: request.stage }),
        ...(comment === undefined ? {} : { comment }),
      };
    case 'reject':
      return { type: 'RejectRollout', ...base, comment: comment ?? '' };
    case 'pause':
      return { type: 'PauseRollout', ...base, ...(comment === undefined ? {} : { comment }) };
    case 'resume':
      return { type: 'ResumeRollout', ...base, ...(comment === undefined ? {} : { comment }) };
    case 'abort':
      return { type: 'AbortRollout', ...base, comment: comment ?? '' };
    case 'rollback':
      return { type: 'RollbackRollout', ...base, comment: comment ?? '' };
    default: {
      const unknown: never = request.kind;
      throw new Error(`Unknown rollout command ${String(unknown)}`);
    }
  }
}

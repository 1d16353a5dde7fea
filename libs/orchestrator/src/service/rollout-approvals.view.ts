import type { Actor, StageSpec } from '#rollcall/domain';
import type { StoredRolloutEvent } from './rollout-timeline.view.js';

export interface ApprovalView {
  readonly actor: Actor;
  readonly comment: string | null;
  readonly grantedAt: string;
  readonly expiresAt: string;
  /** True once the saga dropped it for being older than the approval validity. */
  readonly expired: boolean;
}

export interface RejectionView {
  readonly actor: Actor;
  readonly comment: string;
  readonly rejectedAt: string;
}

export interface StageApprovalsView {
  readonly stage: string;
  readonly required: number;
  readonly status: 'NotRequired' | 'NotYetRequested' | 'Awaiting' | 'Approved' | 'Rejected';
  readonly approvedAt: string | null;
  /** The approvers the saga counted when it let the stage start. */
  readonly approvedBy: readonly Actor[];
  readonly approvals: readonly ApprovalView[];
  readonly rejections: readonly RejectionView[];
}

/** Every approval, expiry, decision and rejection, per stage of the spec, folded from the rollout's events. */
export function approvalsOf(stages: readonly StageSpec[], events: readonly StoredRolloutEvent[]): StageApprovalsView[] {
  const views = stages.map<StageApprovalsView>((stage) => ({
    stage: stage.name,
    required: stage.approvals,
    status: stage.approvals === 0 ? 'NotRequired' : 'NotYetRequested',
    approvedAt: null,
    approvedBy: [],
    approvals: [],
    rejections: [],
  }));
  const change = (index: number, update: (view: StageApprovalsView) => StageApprovalsView): void => {
    const view = views[index];
    if (view !== undefined) views[index] = update(view);
  };
  for (const { event } of events) {
    switch (event.type) {
      case 'StageAwaitingApproval':
        change(event.stageIndex, (view) => ({ ...view, status: 'Awaiting' }));
        break;
      case 'StageApprovalGranted': {
        const { actor, comment, at, expiresAt } = event;
        const approval = { actor, comment, grantedAt: at, expiresAt, expired: false };
        change(event.stageIndex, (view) => ({ ...view, approvals: [...view.approvals, approval] }));
        break;
      }
      case 'StageApprovalExpired':
        change(event.stageIndex, (view) => ({
          ...view,
          approvals: view.approvals.map((a) =>
            a.actor.id === event.approverId && a.grantedAt === event.grantedAt ? { ...a, expired: true } : a,
          ),
        }));
        break;
      case 'StageApproved':
        change(event.stageIndex, (view) => ({
          ...view,
          status: 'Approved',
          approvedAt: event.at,
          approvedBy: event.approvers,
        }));
        break;
      case 'RolloutRejected': {
        const rejection = { actor: event.actor, comment: event.comment, rejectedAt: event.at };
        change(event.stageIndex, (view) => ({
          ...view,
          status: 'Rejected',
          rejections: [...view.rejections, rejection],
        }));
        break;
      }
      default:
        break;
    }
  }
  return views;
}

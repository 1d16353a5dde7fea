import type { Approval, Rollout } from './rollout.state.js';
import { isAtOrAfter } from './rollout.time.js';

/** Approvals that still count at `now`: one per person, none expired. */
export function validApprovals(approvals: readonly Approval[], now: string): Approval[] {
  const seen = new Set<string>();
  return approvals.filter((approval) => {
    if (isAtOrAfter(now, approval.expiresAt) || seen.has(approval.actor.id)) return false;
    seen.add(approval.actor.id);
    return true;
  });
}

export function needsApproval(rollout: Rollout, stageIndex: number): boolean {
  return rollout.spec.strategy.stages[stageIndex].approvals > 0 && !rollout.approvedStages.includes(stageIndex);
}

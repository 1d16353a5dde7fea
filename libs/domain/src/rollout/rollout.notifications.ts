import type { RolloutEffect } from './rollout.effects.js';
import type { RolloutEvent } from './rollout.events.js';
import type { Rollout } from './rollout.state.js';

type Notify = Extract<RolloutEffect, { type: 'Notify' }>;

/** The human-facing notifications an event deserves; most events are audit-only. */
export function notificationsFor(event: RolloutEvent, rollout: Rollout): Notify[] {
  const ds = `${rollout.spec.daemonSet.namespace}/${rollout.spec.daemonSet.name}`;
  const notify = (kind: Notify['kind'], message: string): Notify[] => [
    { type: 'Notify', rolloutId: event.rolloutId, kind, message },
  ];
  switch (event.type) {
    case 'StageAwaitingApproval':
      return notify(
        'ApprovalRequested',
        `Stage ${event.stage} of the ${ds} rollout needs ${event.required} approval(s).`,
      );
    case 'RolloutStarted':
      return notify('RolloutStarted', `Rollout of ${ds} started: ${rollout.spec.reason}.`);
    case 'StageStarted':
      return notify('StageStarted', `Stage ${event.stage} of ${ds} started on ${event.nodes.length} node(s).`);
    case 'StageFailed':
      return notify(
        'StageFailed',
        `Stage ${rollout.stages[event.stageIndex].name} of ${ds} failed: ${event.reason} on ${event.node}.`,
      );
    case 'NodeEvictionBlockedByPdb':
      return event.crashLoopingNodes.length === 0
        ? []
        : notify(
            'EvictionsBlockedByCrashLoops',
            `PDB ${event.pdb ?? ''} blocks evictions while new pods crash-loop on ${event.crashLoopingNodes.join(', ')}: under IfHealthyBudget they use up the budget.`,
          );
    case 'RolloutPaused':
      return notify(
        'RolloutPaused',
        `Rollout of ${ds} paused: ${event.reason}${event.actor ? ` by ${event.actor.id}` : ''}.`,
      );
    case 'RolloutResumed':
      return notify('RolloutResumed', `Rollout of ${ds} resumed by ${event.actor.id}.`);
    case 'RolloutRollbackStarted':
      return notify(
        'RollbackStarted',
        `Rolling ${ds} back to revision ${event.toRevisionHash}: ${event.comment ?? ''}.`,
      );
    case 'RolloutSucceeded':
      return notify('RolloutSucceeded', `Rollout of ${ds} succeeded on ${event.updated.length} node(s).`);
    case 'RolloutRolledBack':
      return notify('RolloutRolledBack', `Rollout of ${ds} rolled back on ${event.reverted.length} node(s).`);
    case 'RolloutAborted':
      return notify('RolloutAborted', `Rollout of ${ds} aborted by ${event.actor.id}; ${leftAsIs(rollout)}`);
    case 'RolloutFailed':
      return notify(
        'RolloutFailed',
        `Rollback of ${ds} incomplete on ${event.nodes.join(', ')}; the original update strategy is being restored.`,
      );
    case 'RolloutRejected':
      return notify('RolloutRejected', `Rollout of ${ds} rejected by ${event.actor.id}; ${leftAsIs(rollout)}`);
    default:
      return [];
  }
}

/** An ended rollout that left the new template in place keeps OnDelete: restoring RollingUpdate would roll the rest ungated. */
function leftAsIs(rollout: Rollout): string {
  if (rollout.template === 'Original') return 'the DaemonSet was not changed.';
  if (rollout.phase.status === 'Finishing')
    return 'the original template is back and its update strategy is being restored.';
  return 'the DaemonSet keeps the new template with updateStrategy OnDelete; roll back or start a new rollout.';
}

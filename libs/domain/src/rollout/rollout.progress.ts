import { needsApproval, validApprovals } from './approvals.js';
import { addSeconds } from './rollout.time.js';
import { eventOf } from './rollout.event-factory.js';
import type { RolloutEvent } from './rollout.events.js';
import { NodeIndex } from './node-index.js';
import { nextNodeStep, workNodes, workStage } from './node-work.js';
import type { Rollout } from './rollout.state.js';
import { hasOutcome, nodeList } from './rollout.state.js';
import { nodeBookkeepingStep } from './node-bookkeeping.js';
import { patchRequest } from './daemon-set-patches.js';

/**
 * The next event the saga emits on its own from this state, or null when it waits for an input.
 * `index` must describe `rollout`; a fold keeps one up to date so that a step need not scan every node.
 */
export function nextStep(rollout: Rollout, now: string, index: NodeIndex = NodeIndex.of(rollout)): RolloutEvent | null {
  if (!hasOutcome(rollout)) {
    const bookkeeping = nodeBookkeepingStep(rollout, index, now);
    if (bookkeeping) return bookkeeping;
  }
  const phase = rollout.phase;
  const emit = eventOf.bind(null, rollout.rolloutId, now);
  switch (phase.status) {
    case 'Pending': {
      if (phase.stageIndex >= rollout.stages.length)
        return emit('RolloutSucceeded', {
          updated: namesWith(rollout, 'Updated'),
          failed: namesWith(rollout, 'Failed'),
        });
      const stage = rollout.stages[phase.stageIndex];
      if (needsApproval(rollout, phase.stageIndex))
        return emit('StageAwaitingApproval', {
          stageIndex: phase.stageIndex,
          stage: stage.name,
          required: rollout.spec.strategy.stages[phase.stageIndex].approvals,
        });
      if (!rollout.started) return emit('RolloutStarted', {});
      if (rollout.template !== 'ChangeApplied') return templateStep(rollout, now);
      return emit('StageStarted', { stageIndex: phase.stageIndex, stage: stage.name, nodes: stage.batches.flat() });
    }
    case 'AwaitingApproval': {
      const approvals = validApprovals(phase.approvals, now);
      if (approvals.length < rollout.spec.strategy.stages[phase.stageIndex].approvals) return null;
      return emit('StageApproved', {
        stageIndex: phase.stageIndex,
        stage: rollout.stages[phase.stageIndex].name,
        approvers: approvals.map((a) => a.actor),
      });
    }
    case 'Running': {
      if (rollout.template !== 'ChangeApplied') return templateStep(rollout, now);
      const policy = failurePolicyStep(rollout, index, now);
      if (policy) return policy;
      const nodeStep = nextNodeStep(rollout, index, phase.stageIndex, now);
      if (nodeStep || index.currentBatch(workStage(rollout, phase.stageIndex)) !== null) return nodeStep;
      const bakeSeconds = rollout.spec.strategy.stages[phase.stageIndex].bakeSeconds;
      if (bakeSeconds > 0)
        return emit('StageBakeStarted', {
          stageIndex: phase.stageIndex,
          bakeId: rollout.bakeCount + 1,
          endsAt: addSeconds(now, bakeSeconds),
        });
      return stageCompleted(rollout, phase.stageIndex, now);
    }
    case 'Baking': {
      const failed = workNodes(rollout, phase.stageIndex).filter((node) => node.status === 'Failed');
      if (failed.length > phase.failedAtStart) {
        const node = failed[failed.length - 1];
        return emit('StageFailed', {
          stageIndex: phase.stageIndex,
          node: node.name,
          reason: node.failure ?? 'ReadinessLost',
        });
      }
      return failurePolicyStep(rollout, index, now);
    }
    case 'RollingBack': {
      if (rollout.template !== 'Restored') return templateStep(rollout, now);
      const nodeStep = nextNodeStep(rollout, index, null, now);
      if (nodeStep || index.currentBatch(workStage(rollout, null)) !== null) return nodeStep;
      const nodes = workNodes(rollout, null);
      const failed = nodes.filter((node) => node.status === 'Failed').map((node) => node.name);
      if (failed.length > 0) return emit('RolloutFailed', { reason: 'RollbackIncomplete', nodes: failed });
      return emit('RolloutRolledBack', { reverted: nodes.filter((n) => n.status === 'Reverted').map((n) => n.name) });
    }
    case 'Finishing':
      // A template patch still in flight lands first, so the strategy is restored over the final template.
      if (rollout.template === 'RestoreRequested' || rollout.strategyRestore !== 'NotRequested') return null;
      return patchRequest(rollout, now, 'RestoreStrategy');
    case 'Paused':
    case 'Succeeded':
    case 'RolledBack':
    case 'Aborted':
    case 'Failed':
    case 'Rejected':
      return null;
    default: {
      const unknown: never = phase;
      throw new Error(`Unknown rollout phase ${JSON.stringify(unknown)}`);
    }
  }
}

export function stageCompleted(rollout: Rollout, stageIndex: number, now: string): RolloutEvent {
  const nodes = workNodes({ ...rollout, direction: 'forward' }, stageIndex);
  return eventOf(rollout.rolloutId, now, 'StageCompleted', {
    stageIndex,
    stage: rollout.stages[stageIndex].name,
    updated: nodes.filter((n) => n.status === 'Updated').map((n) => n.name),
    failed: nodes.filter((n) => n.status === 'Failed').map((n) => n.name),
  });
}

/** Asks for the template the current direction needs, once; waits while a patch is in flight. */
function templateStep(rollout: Rollout, now: string): RolloutEvent | null {
  if (rollout.template === 'ChangeRequested' || rollout.template === 'RestoreRequested') return null;
  return patchRequest(rollout, now, rollout.direction === 'forward' ? 'ApplyChange' : 'RestoreTemplate');
}

function failurePolicyStep(rollout: Rollout, index: NodeIndex, now: string): RolloutEvent | null {
  const { maxFailedNodes, action } = rollout.spec.strategy.failurePolicy;
  const beyondThreshold = index.failedNodes() - rollout.acknowledgedFailures > maxFailedNodes;
  if (rollout.stageFailure === null && !beyondThreshold) return null;
  if (action === 'rollback')
    return eventOf(rollout.rolloutId, now, 'RolloutRollbackStarted', {
      actor: null,
      comment: rollout.stageFailure ? 'stage failed its health gates' : 'failed nodes exceed the failure policy',
      fromRevisionHash: rollout.targetRevisionHash,
      toRevisionHash: rollout.originalRevisionHash,
    });
  return eventOf(rollout.rolloutId, now, 'RolloutPaused', {
    actor: null,
    reason: rollout.stageFailure ? 'StageFailed' : 'FailureThresholdExceeded',
    comment: null,
  });
}

function namesWith(rollout: Rollout, status: 'Updated' | 'Failed'): string[] {
  return nodeList(rollout)
    .filter((node) => node.status === status)
    .map((node) => node.name);
}

import type { RolloutEvent } from './rollout.events.js';
import { evolveNode } from './rollout.evolve-node.js';
import { replacementPod } from './node-work.js';
import { restoresStrategy } from './rollout.ending.js';
import type { ActivePhase, NodeProgress, Rollout, RolloutOutcome, RolloutState } from './rollout.state.js';
import { stageFailures } from './rollout.state.js';

/** Folds one event into the saga state. Pure; unknown combinations leave the state as it was. */
export function evolve(state: RolloutState, event: RolloutEvent): RolloutState {
  if (event.type === 'RolloutRequested') return requested(event);
  if (state === null) return state;
  return evolveRollout(state, event);
}

function requested(event: Extract<RolloutEvent, { type: 'RolloutRequested' }>): Rollout {
  const nodes: Record<string, NodeProgress> = {};
  for (const node of event.plan.nodes)
    nodes[node.name] = {
      name: node.name,
      stageIndex: node.stageIndex,
      batchIndex: node.batchIndex,
      status: 'Pending',
      pod: node.pod,
      attempt: 0,
      evictingPodUid: null,
      readyDeadline: null,
      retryAt: null,
      restartsAtUpdate: null,
      updatedPodUid: null,
      failure: null,
      revertRequired: false,
    };
  return {
    rolloutId: event.rolloutId,
    spec: event.spec,
    requestedBy: event.requestedBy,
    daemonSetUid: event.daemonSetUid,
    originalRevisionHash: event.originalRevisionHash,
    originalUpdateStrategy: event.originalUpdateStrategy,
    stages: event.plan.stages,
    nodes,
    phase: { status: 'Pending', stageIndex: 0 },
    direction: 'forward',
    started: false,
    template: 'Original',
    templateGeneration: null,
    targetRevisionHash: null,
    externalChangeGeneration: null,
    strategyRestore: 'NotRequested',
    approvedStages: [],
    bakeCount: 0,
    acknowledgedFailures: 0,
    stageFailure: null,
  };
}

function evolveRollout(rollout: Rollout, event: RolloutEvent): Rollout {
  switch (event.type) {
    case 'RolloutRequested':
      return rollout;
    case 'StageAwaitingApproval':
      return { ...rollout, phase: { status: 'AwaitingApproval', stageIndex: event.stageIndex, approvals: [] } };
    case 'StageApprovalGranted':
      return withApprovals(rollout, (approvals) => [
        ...approvals,
        { actor: event.actor, comment: event.comment, grantedAt: event.at, expiresAt: event.expiresAt },
      ]);
    case 'StageApprovalExpired':
      return withApprovals(rollout, (approvals) =>
        approvals.filter((a) => !(a.actor.id === event.approverId && a.grantedAt === event.grantedAt)),
      );
    case 'StageApproved':
      return {
        ...rollout,
        approvedStages: [...rollout.approvedStages, event.stageIndex],
        phase: { status: 'Pending', stageIndex: event.stageIndex },
      };
    case 'RolloutStarted':
      return { ...rollout, started: true };
    case 'DaemonSetPatchRequested':
      if (event.purpose === 'RestoreStrategy') return { ...rollout, strategyRestore: 'Requested' };
      return { ...rollout, template: event.purpose === 'ApplyChange' ? 'ChangeRequested' : 'RestoreRequested' };
    case 'DaemonSetTemplateApplied':
      return event.purpose === 'ApplyChange'
        ? {
            ...rollout,
            template: 'ChangeApplied',
            templateGeneration: event.generation,
            targetRevisionHash: event.revisionHash,
          }
        : { ...rollout, template: 'Restored', templateGeneration: event.generation };
    case 'DaemonSetStrategyRestored':
    case 'DaemonSetStrategyRestoreSkipped':
      return {
        ...rollout,
        strategyRestore: 'Done',
        phase: rollout.phase.status === 'Finishing' ? { status: rollout.phase.outcome } : rollout.phase,
      };
    case 'DaemonSetExternalChangeDetected':
      return {
        ...rollout,
        externalChangeGeneration: Math.max(rollout.externalChangeGeneration ?? 0, event.generation),
        template: rollout.template === 'Original' ? rollout.template : 'Drifted',
      };
    case 'StageStarted':
      return { ...rollout, phase: { status: 'Running', stageIndex: event.stageIndex } };
    case 'StageBakeStarted':
      return {
        ...rollout,
        bakeCount: event.bakeId,
        phase: {
          status: 'Baking',
          stageIndex: event.stageIndex,
          bakeId: event.bakeId,
          endsAt: event.endsAt,
          failedAtStart: stageFailures(rollout, event.stageIndex),
        },
      };
    case 'StageFailed':
      return {
        ...rollout,
        stageFailure: { stageIndex: event.stageIndex, node: event.node },
        phase: { status: 'Running', stageIndex: event.stageIndex },
      };
    case 'StageCompleted':
      return { ...rollout, phase: { status: 'Pending', stageIndex: event.stageIndex + 1 } };
    case 'RolloutPaused':
      return isActive(rollout.phase)
        ? { ...rollout, phase: { status: 'Paused', reason: event.reason, previous: rollout.phase } }
        : rollout;
    case 'RolloutResumed':
      return rollout.phase.status === 'Paused'
        ? {
            ...rollout,
            phase: resumedPhase(rollout.phase.previous),
            acknowledgedFailures: event.acknowledgedFailedNodes,
            stageFailure: null,
          }
        : rollout;
    case 'RolloutRollbackStarted':
      return startRollback(rollout);
    case 'RolloutSucceeded':
      return ended(rollout, 'Succeeded');
    case 'RolloutRolledBack':
      return ended(rollout, 'RolledBack');
    case 'RolloutAborted':
      return ended(rollout, 'Aborted');
    case 'RolloutFailed':
      return ended(rollout, 'Failed');
    case 'RolloutRejected':
      return ended(rollout, 'Rejected');
    case 'NodeEvictionRequested':
    case 'NodeEvictionBlockedByPdb':
    case 'NodeEvictionThrottled':
    case 'NodePodEvicted':
    case 'NodeAwaitingPod':
    case 'NodePodObserved':
    case 'NodeUpdated':
    case 'NodeReverted':
    case 'NodeFailed':
    case 'NodeRemoved': {
      const node = rollout.nodes[event.node];
      return node ? { ...rollout, nodes: { ...rollout.nodes, [node.name]: evolveNode(node, event) } } : rollout;
    }
    default: {
      const unknown: never = event;
      throw new Error(`Unknown rollout event ${JSON.stringify(unknown)}`);
    }
  }
}

/** The outcome is final only once the strategy this rollout changed is back, so no new rollout starts under the restore. */
function ended(rollout: Rollout, outcome: RolloutOutcome): Rollout {
  const waits = restoresStrategy(rollout, outcome) && rollout.strategyRestore !== 'Done';
  return { ...rollout, phase: waits ? { status: 'Finishing', outcome } : { status: outcome } };
}

function isActive(phase: Rollout['phase']): phase is ActivePhase {
  return ['Pending', 'AwaitingApproval', 'Running', 'Baking', 'RollingBack'].includes(phase.status);
}

/** A bake interrupted by a pause starts over: the stage is observed for its full bake time again. */
function resumedPhase(previous: ActivePhase): ActivePhase {
  return previous.status === 'Baking' ? { status: 'Running', stageIndex: previous.stageIndex } : previous;
}

function withApprovals(
  rollout: Rollout,
  change: (
    approvals: Extract<ActivePhase, { status: 'AwaitingApproval' }>['approvals'],
  ) => Extract<ActivePhase, { status: 'AwaitingApproval' }>['approvals'],
): Rollout {
  if (rollout.phase.status !== 'AwaitingApproval') return rollout;
  return { ...rollout, phase: { ...rollout.phase, approvals: change(rollout.phase.approvals) } };
}

/** Nodes that may run the new revision are queued for reverting; untouched nodes stay as they are. */
function startRollback(rollout: Rollout): Rollout {
  const bad = rollout.targetRevisionHash;
  const nodes: Record<string, NodeProgress> = {};
  for (const node of Object.values(rollout.nodes)) nodes[node.name] = rollbackNode(node, bad);
  return {
    ...rollout,
    nodes,
    direction: 'back',
    stageFailure: null,
    phase: { status: 'RollingBack' },
    template:
      rollout.template === 'Original'
        ? 'Restored'
        : rollout.template === 'ChangeRequested'
          ? 'Drifted'
          : rollout.template,
  };
}

/** A node is reverted when it runs the bad revision; an eviction in flight is left to decide by its result. */
function rollbackNode(node: NodeProgress, badRevisionHash: string | null): NodeProgress {
  const cleared = { readyDeadline: null, retryAt: null, evictingPodUid: null, failure: null };
  const revert: NodeProgress = { ...node, ...cleared, status: 'Pending', revertRequired: true };
  const runsBad = badRevisionHash !== null && node.pod?.revisionHash === badRevisionHash;
  switch (node.status) {
    case 'Updated':
    case 'Failed':
      if (node.pod === null) return { ...revert, status: 'WaitingForPod' };
      return runsBad ? revert : node;
    case 'WaitingForPod':
      // Without a replacement yet, the controller makes one from the restored template, or the rollback evicts a bad one.
      if (badRevisionHash !== null && replacementPod(node)?.revisionHash === badRevisionHash) return revert;
      return { ...node, revertRequired: true };
    case 'Evicting':
      return { ...node, revertRequired: true };
    case 'BlockedByPdb':
      return runsBad ? revert : { ...node, ...cleared, status: 'Pending' };
    case 'Pending':
      return runsBad ? revert : node;
    case 'Reverted':
    case 'Removed':
      return node;
    default: {
      const unknown: never = node.status;
      throw new Error(`Unknown node status ${String(unknown)}`);
    }
  }
}

import { validApprovals } from './approvals.js';
import { addSeconds } from './rollout.time.js';
import type { RolloutCommand, StartRollout } from './rollout.commands.js';
import type { Decision } from './rollout.decision.js';
import { rejected } from './rollout.decision.js';
import { eventOf } from './rollout.event-factory.js';
import type { RolloutEvent } from './rollout.events.js';
import type { Rollout, RolloutState } from './rollout.state.js';
import { failedNodeCount, hasOutcome } from './rollout.state.js';
import { planStages } from './stage-planning.js';

type CommandOutcome = { readonly events: readonly RolloutEvent[] } | Extract<Decision, { rejected: unknown }>;

/** The events a command causes directly, or why it is refused in this state. */
export function decideCommand(command: RolloutCommand, state: RolloutState): CommandOutcome {
  if (command.type === 'StartRollout') return start(command, state);
  if (state === null) return rejected('RolloutNotFound', 'No rollout has been requested on this stream.');
  const emit = eventOf.bind(null, state.rolloutId, command.now);
  const comment = command.comment ?? null;
  switch (command.type) {
    case 'ApproveStage':
      return approve(state, command);
    case 'RejectRollout': {
      if (state.phase.status !== 'AwaitingApproval')
        return rejected(
          'RolloutNotAwaitingApproval',
          `The rollout is ${state.phase.status}; only a waiting stage can be rejected.`,
        );
      return {
        events: [
          emit('RolloutRejected', {
            actor: command.actor,
            comment: command.comment,
            stageIndex: state.phase.stageIndex,
          }),
        ],
      };
    }
    case 'PauseRollout':
      if (hasOutcome(state)) return finished(state);
      if (state.phase.status === 'Paused') return rejected('RolloutAlreadyPaused', 'The rollout is already paused.');
      return { events: [emit('RolloutPaused', { actor: command.actor, reason: 'RequestedByOperator', comment })] };
    case 'ResumeRollout':
      if (state.phase.status !== 'Paused')
        return rejected('RolloutNotPaused', `The rollout is ${state.phase.status}, not paused.`);
      return {
        events: [
          emit('RolloutResumed', {
            actor: command.actor,
            comment,
            acknowledgedFailedNodes: failedNodeCount(state),
          }),
        ],
      };
    case 'AbortRollout':
      if (hasOutcome(state)) return finished(state);
      return { events: [emit('RolloutAborted', { actor: command.actor, comment: command.comment })] };
    case 'RollbackRollout':
      if (hasOutcome(state)) return finished(state);
      if (state.direction === 'back')
        return rejected('RollbackAlreadyInProgress', 'The rollout is already rolling back.');
      if (state.template === 'Original')
        return rejected('NothingToRollBack', 'The DaemonSet was never changed by this rollout; abort it instead.');
      return {
        events: [
          emit('RolloutRollbackStarted', {
            actor: command.actor,
            comment: command.comment,
            fromRevisionHash: state.targetRevisionHash,
            toRevisionHash: state.originalRevisionHash,
          }),
        ],
      };
    default: {
      const unknown: never = command;
      throw new Error(`Unknown rollout command ${JSON.stringify(unknown)}`);
    }
  }
}

function start(command: StartRollout, state: RolloutState): CommandOutcome {
  if (state !== null) return rejected('RolloutAlreadyExists', `Rollout ${state.rolloutId} already exists.`);
  const plan = planStages(command.spec, command.cluster);
  if (plan.nodes.length === 0) return rejected('NoNodesToUpdate', 'No stage selects any node of the DaemonSet.');
  const { daemonSet } = command.cluster;
  return {
    events: [
      eventOf(command.rolloutId, command.now, 'RolloutRequested', {
        requestedBy: command.actor,
        spec: command.spec,
        plan,
        daemonSetUid: daemonSet.uid,
        originalRevisionHash: daemonSet.currentRevisionHash,
        originalUpdateStrategy: daemonSet.updateStrategy,
      }),
    ],
  };
}

function approve(rollout: Rollout, command: Extract<RolloutCommand, { type: 'ApproveStage' }>): CommandOutcome {
  const phase = rollout.phase;
  if (phase.status !== 'AwaitingApproval')
    return rejected('RolloutNotAwaitingApproval', `The rollout is ${phase.status}; no stage is waiting for approval.`);
  const stage = rollout.stages[phase.stageIndex];
  if (command.stage !== undefined && command.stage !== stage.name)
    return rejected('StageNotAwaitingApproval', `Stage ${stage.name} is waiting for approval, not ${command.stage}.`);
  if (command.actor.id === rollout.requestedBy.id)
    return rejected('RequesterCannotApprove', 'The requester of a rollout never approves it.');
  if (validApprovals(phase.approvals, command.now).some((a) => a.actor.id === command.actor.id))
    return rejected(
      'AlreadyApprovedByActor',
      `${command.actor.id} already approved stage ${stage.name}; one person counts once.`,
    );
  const event = eventOf(rollout.rolloutId, command.now, 'StageApprovalGranted', {
    stageIndex: phase.stageIndex,
    stage: stage.name,
    actor: command.actor,
    comment: command.comment ?? null,
    expiresAt: addSeconds(command.now, rollout.spec.strategy.approvalValiditySeconds),
  });
  return { events: [event] };
}

function finished(rollout: Rollout): CommandOutcome {
  const phase = rollout.phase;
  if (phase.status === 'Finishing')
    return rejected(
      'RolloutFinished',
      `The rollout has ended (${phase.outcome}) and is restoring the update strategy.`,
    );
  return rejected('RolloutFinished', `The rollout has already ended (${phase.status}).`);
}

import type { Actor, TemplateChange } from '#rollcall/domain';
import type { StoredRolloutEvent, SummaryContext, TimelineEntry, TimelineEvent } from './rollout-timeline.view.js';

const NAMES_SHOWN = 5;

export const actorName = (actor: Actor | null): string =>
  actor === null ? 'rollcall' : (actor.displayName ?? actor.id);

/** "a, b, c and 4 more": long node lists would make one summary as large as the rollout. */
export function shortList(names: readonly string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).join(', ');
  return names.length > NAMES_SHOWN ? `${shown} and ${names.length - NAMES_SHOWN} more` : shown;
}

export function changeText(change: TemplateChange): string {
  return change.kind === 'containers'
    ? `image ${change.containers.map((c) => `${c.name}=${c.image}`).join(', ')}`
    : `template patch of ${Object.keys(change.templatePatch).join(', ')}`;
}

const withComment = (text: string, comment: string | null): string =>
  comment === null || comment === '' ? text : `${text}: ${comment}`;

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** One line a person can read in a timeline; every event type has its own wording. */
export function summarizeEvent(event: TimelineEvent, context: SummaryContext): string {
  const stage = (index: number): string => context.stageNames[index] ?? `#${index}`;
  const pod = (uid: string): string => context.podNames.get(uid) ?? uid;
  switch (event.type) {
    case 'RolloutRequested': {
      const { daemonSet, change, reason, ticket } = event.spec;
      const why = ticket === null ? reason : `${reason}, ticket ${ticket}`;
      return `${actorName(event.requestedBy)} requested ${changeText(change)} on ${daemonSet.namespace}/${daemonSet.name} (${why})`;
    }
    case 'StageAwaitingApproval':
      return `stage ${event.stage} awaits ${plural(event.required, 'approval')}`;
    case 'StageApprovalGranted':
      return withComment(`${actorName(event.actor)} approved stage ${event.stage}`, event.comment);
    case 'StageApprovalExpired':
      return `approval of stage ${stage(event.stageIndex)} by ${event.approverId} (granted ${event.grantedAt}) expired`;
    case 'StageApproved':
      return `stage ${event.stage} approved by ${event.approvers.map(actorName).join(', ')}`;
    case 'RolloutStarted':
      return 'rollout started';
    case 'DaemonSetPatchRequested':
      if (event.purpose === 'ApplyChange')
        return `DaemonSet patch requested: ${event.change === null ? 'the change' : changeText(event.change)}, updateStrategy ${event.updateStrategy.type}`;
      if (event.purpose === 'RestoreTemplate')
        return `DaemonSet patch requested: restore the template of revision ${event.restoreRevisionHash ?? 'unknown'}`;
      return `DaemonSet patch requested: restore updateStrategy ${event.updateStrategy.type}`;
    case 'DaemonSetTemplateApplied':
      return event.purpose === 'ApplyChange'
        ? `change applied: revision ${event.revisionHash} (generation ${event.generation})`
        : `template restored: revision ${event.revisionHash} (generation ${event.generation})`;
    case 'DaemonSetStrategyRestored':
      return `DaemonSet updateStrategy restored (generation ${event.generation})`;
    case 'DaemonSetStrategyRestoreSkipped':
      return 'DaemonSet gone (deleted or replaced): no updateStrategy to restore';
    case 'DaemonSetExternalChangeDetected':
      return `DaemonSet changed outside the rollout (generation ${event.generation}, ${shortList(event.changedFields)}${event.changedBy === null ? '' : `, by ${event.changedBy}`})`;
    case 'StageStarted':
      return `stage ${event.stage} started on ${plural(event.nodes.length, 'node')}`;
    case 'NodeEvictionRequested':
      return `eviction of ${event.node} requested (pod ${event.podName}, attempt ${event.attempt}${event.direction === 'back' ? ', to revert' : ''})`;
    case 'NodeEvictionBlockedByPdb': {
      const budget = event.pdb === null ? 'a PodDisruptionBudget' : `PodDisruptionBudget ${event.pdb}`;
      const crashLoops =
        event.crashLoopingNodes.length === 0
          ? ''
          : `; crash-looping new pods on ${shortList(event.crashLoopingNodes)} may be holding the budget`;
      return `eviction of ${event.node} blocked by ${budget}${crashLoops}`;
    }
    case 'NodeEvictionThrottled':
      return `eviction of ${event.node} throttled by the API server, retry at ${event.retryAt}`;
    case 'NodePodEvicted':
      return event.alreadyGone
        ? `${event.node}: pod ${pod(event.podUid)} was already gone`
        : `${event.node} evicted (pod ${pod(event.podUid)})`;
    case 'NodeAwaitingPod':
      return `${event.node} waits for its new pod`;
    case 'NodePodObserved':
      return `${event.node}: pod ${event.pod.name} at revision ${event.pod.revisionHash}, ${event.pod.ready ? 'ready' : 'not ready'}, ${plural(event.pod.restarts, 'restart')}`;
    case 'NodeUpdated':
      return `${event.node} updated to revision ${event.revisionHash}`;
    case 'NodeReverted':
      return `${event.node} reverted to revision ${event.revisionHash}`;
    case 'NodeFailed':
      return `${event.node} failed: ${event.reason} (${event.detail})`;
    case 'NodeRemoved':
      return `${event.node} left the cluster (was ${event.previousStatus})`;
    case 'StageBakeStarted':
      return `stage ${stage(event.stageIndex)} bakes until ${event.endsAt}`;
    case 'StageFailed':
      return `stage ${stage(event.stageIndex)} failed: ${event.node} ${event.reason}`;
    case 'StageCompleted':
      return `stage ${event.stage} completed: ${event.updated.length} updated, ${event.failed.length} failed`;
    case 'RolloutPaused':
      return event.actor === null
        ? `rollout paused: ${event.reason}`
        : withComment(`${actorName(event.actor)} paused the rollout`, event.comment);
    case 'RolloutResumed': {
      const accepted =
        event.acknowledgedFailedNodes === 0
          ? ''
          : `, accepting ${plural(event.acknowledgedFailedNodes, 'failed node')}`;
      return withComment(`${actorName(event.actor)} resumed the rollout${accepted}`, event.comment);
    }
    case 'RolloutRollbackStarted':
      return withComment(
        `${actorName(event.actor)} started a rollback to revision ${event.toRevisionHash}`,
        event.comment,
      );
    case 'RolloutSucceeded':
      return `rollout succeeded: ${plural(event.updated.length, 'node')} updated, ${event.failed.length} failed`;
    case 'RolloutRolledBack':
      return `rollout rolled back: ${plural(event.reverted.length, 'node')} reverted`;
    case 'RolloutAborted':
      return withComment(`${actorName(event.actor)} aborted the rollout`, event.comment);
    case 'RolloutFailed':
      return `rollout failed: ${event.reason} on ${shortList(event.nodes)}`;
    case 'RolloutRejected':
      return withComment(`${actorName(event.actor)} rejected stage ${stage(event.stageIndex)}`, event.comment);
    default: {
      const unknown: never = event;
      throw new Error(`Unknown rollout event ${JSON.stringify(unknown)}`);
    }
  }
}

export function timelineEntryOf(stored: StoredRolloutEvent, context: SummaryContext): TimelineEntry {
  const { version, occurredAt, actor, event } = stored;
  return { version, type: event.type, occurredAt, actor, summary: summarizeEvent(event, context) };
}

import type { Actor, PauseReason, TemplateChange } from '#rollcall/domain';
import type { StoredRolloutEvent } from './rollout-timeline.view.js';

export type InterventionAction = 'paused' | 'resumed' | 'aborted' | 'rollbackStarted' | 'rejected';

/** A step that changed the rollout's course, by a person or by the saga itself (actor null). */
export interface InterventionView {
  readonly version: number;
  readonly at: string;
  readonly action: InterventionAction;
  readonly actor: Actor | null;
  readonly comment: string | null;
  /** Why the saga paused on its own, for `paused` without an actor. */
  readonly reason: PauseReason | null;
}

/** The auditor's answer: who requested it and why, what it changed, between which revisions, who steered it. */
export interface RolloutAuditView {
  readonly requestedBy: Actor;
  readonly requestedAt: string;
  readonly reason: string;
  readonly ticket: string | null;
  readonly change: TemplateChange;
  readonly revisionBefore: string;
  /** The revision the change produced; null until the DaemonSet took the new template. */
  readonly revisionAfter: string | null;
  /** The revision a rollback restored, when one ran. */
  readonly rolledBackTo: string | null;
  readonly interventions: readonly InterventionView[];
}

export interface AuditFacts {
  readonly requestedBy: Actor;
  readonly requestedAt: string;
  readonly reason: string;
  readonly ticket: string | null;
  readonly change: TemplateChange;
  readonly revisionBefore: string;
  readonly revisionAfter: string | null;
}

export function auditOf(facts: AuditFacts, events: readonly StoredRolloutEvent[]): RolloutAuditView {
  const interventions: InterventionView[] = [];
  let rolledBackTo: string | null = null;
  for (const { version, event } of events) {
    const base = { version, at: event.at, reason: null };
    switch (event.type) {
      case 'RolloutPaused':
        interventions.push({
          ...base,
          action: 'paused',
          actor: event.actor,
          comment: event.comment,
          reason: event.reason,
        });
        break;
      case 'RolloutResumed':
        interventions.push({ ...base, action: 'resumed', actor: event.actor, comment: event.comment });
        break;
      case 'RolloutAborted':
        interventions.push({ ...base, action: 'aborted', actor: event.actor, comment: event.comment });
        break;
      case 'RolloutRollbackStarted':
        rolledBackTo = event.toRevisionHash;
        interventions.push({ ...base, action: 'rollbackStarted', actor: event.actor, comment: event.comment });
        break;
      case 'RolloutRejected':
        interventions.push({ ...base, action: 'rejected', actor: event.actor, comment: event.comment });
        break;
      default:
        break;
    }
  }
  return { ...facts, rolledBackTo, interventions };
}

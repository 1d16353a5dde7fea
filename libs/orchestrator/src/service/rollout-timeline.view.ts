import type { Actor, RolloutEvent, RolloutEventOf } from '#rollcall/domain';

/** A RolloutRequested without its plan: the plan names every node, and nothing read here needs it. */
export type RequestWithoutPlan = Omit<RolloutEventOf<'RolloutRequested'>, 'plan'>;

export type TimelineEvent = Exclude<RolloutEvent, { type: 'RolloutRequested' }> | RequestWithoutPlan;

/** One row of rollout_events as the read side sees it. */
export interface StoredRolloutEvent {
  readonly version: number;
  readonly occurredAt: string;
  /** Who gave the command that caused the event; null when an observation or a timer did. */
  readonly actor: Actor | null;
  readonly event: TimelineEvent;
}

export interface TimelineEntry {
  readonly version: number;
  readonly type: TimelineEvent['type'];
  readonly occurredAt: string;
  readonly actor: Actor | null;
  readonly summary: string;
}

export interface TimelinePage {
  readonly items: readonly TimelineEntry[];
  readonly nextCursor: string | null;
}

/** What summaries need beyond the event itself. */
export interface SummaryContext {
  readonly stageNames: readonly string[];
  /** Pod names by uid, from the eviction requests: NodePodEvicted carries only the uid. */
  readonly podNames: ReadonlyMap<string, string>;
}

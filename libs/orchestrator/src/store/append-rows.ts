import type { Actor, Envelope, RolloutEffect, RolloutEvent, RolloutTimer } from '#rollcall/domain';
import { ROLLOUT_NOTIFICATION_TOPIC, ROLLOUT_SCHEMA_VERSION, ROLLOUT_TOPIC } from './rollout-topics.js';

export type ClusterEffect = Extract<RolloutEffect, { type: 'PatchDaemonSet' | 'EvictPod' }>;

export interface EventRow {
  readonly version: number;
  readonly event: RolloutEvent;
}

export interface OutboxRow {
  readonly topic: string;
  readonly key: string;
  readonly envelope: Envelope;
}

export interface EffectRow {
  readonly id: string;
  readonly version: number;
  readonly seq: number;
  readonly effect: ClusterEffect;
}

export interface TimerSchedule {
  readonly timerId: string;
  readonly dueAt: string;
  readonly timer: RolloutTimer;
}

/** Everything one append writes besides the summary row, derived from a decision. */
export interface AppendRows {
  readonly actor: Actor | null;
  readonly events: readonly EventRow[];
  readonly outbox: readonly OutboxRow[];
  readonly effects: readonly EffectRow[];
  readonly schedules: readonly TimerSchedule[];
  readonly cancels: readonly string[];
}

export interface AppendSource {
  readonly rolloutId: string;
  readonly expectedVersion: number;
  readonly events: readonly RolloutEvent[];
  readonly effects: readonly RolloutEffect[];
  /** Who gave the command that caused these events; null for observations and timers. */
  readonly actor: Actor | null;
  readonly recordedAt: string;
}

/** Envelope ids are `<rollout id>/<version>`, so a re-published outbox row is recognised downstream. */
export function rolloutEventId(rolloutId: string, version: number): string {
  return `${rolloutId}/${version}`;
}

/** Splits a decision into the rows of one append; pure, so the outbox contract is unit-tested. */
export function appendRows(source: AppendSource): AppendRows {
  const { rolloutId, expectedVersion, actor, recordedAt } = source;
  const lastVersion = expectedVersion + source.events.length;
  const causationId = expectedVersion === 0 ? null : rolloutEventId(rolloutId, expectedVersion);
  const events = source.events.map((event, index) => ({ version: expectedVersion + index + 1, event }));
  const outbox: OutboxRow[] = events.map(({ version, event }) => ({
    topic: ROLLOUT_TOPIC,
    key: rolloutId,
    envelope: {
      id: rolloutEventId(rolloutId, version),
      type: event.type,
      schemaVersion: ROLLOUT_SCHEMA_VERSION,
      occurredAt: event.at,
      observedAt: recordedAt,
      correlationId: rolloutId,
      causationId,
      actor,
      data: event,
    },
  }));
  const effects: EffectRow[] = [];
  // Last change per timer wins: one append may carry several decisions that schedule and then cancel a timer.
  const schedules = new Map<string, TimerSchedule>();
  const cancels = new Set<string>();
  source.effects.forEach((effect, seq) => {
    switch (effect.type) {
      case 'PatchDaemonSet':
      case 'EvictPod':
        effects.push({ id: `${rolloutId}/${lastVersion}/${seq}`, version: lastVersion, seq, effect });
        break;
      case 'ScheduleTimer':
        cancels.delete(effect.timerId);
        schedules.set(effect.timerId, { timerId: effect.timerId, dueAt: effect.at, timer: effect.timer });
        break;
      case 'CancelTimer':
        schedules.delete(effect.timerId);
        cancels.add(effect.timerId);
        break;
      case 'Notify':
        outbox.push({
          topic: ROLLOUT_NOTIFICATION_TOPIC,
          key: rolloutId,
          envelope: {
            id: `${rolloutId}/${lastVersion}/notify/${seq}`,
            type: 'RolloutNotificationRequested',
            schemaVersion: ROLLOUT_SCHEMA_VERSION,
            occurredAt: recordedAt,
            observedAt: recordedAt,
            correlationId: rolloutId,
            causationId: rolloutEventId(rolloutId, lastVersion),
            actor,
            data: { kind: effect.kind, message: effect.message },
          },
        });
        break;
      default: {
        const unknown: never = effect;
        throw new Error(`Unknown rollout effect ${JSON.stringify(unknown)}`);
      }
    }
  });
  return { actor, events, outbox, effects, schedules: [...schedules.values()], cancels: [...cancels] };
}

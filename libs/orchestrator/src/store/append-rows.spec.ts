import type { RolloutEffect, RolloutEvent } from '#rollcall/domain';
import { appendRows } from './append-rows.js';
import { ROLLOUT_NOTIFICATION_TOPIC, ROLLOUT_TOPIC } from './rollout-topics.js';

const at = '2030-01-01T00:00:00.000Z';
const bob = { kind: 'user', id: 'bob' } as const;
const events: RolloutEvent[] = [
  { type: 'RolloutPaused', rolloutId: 'ro-1', at, actor: bob, reason: 'RequestedByOperator', comment: null },
  { type: 'RolloutResumed', rolloutId: 'ro-1', at, actor: bob, comment: null, acknowledgedFailedNodes: 0 },
];
const effects: RolloutEffect[] = [
  { type: 'Notify', rolloutId: 'ro-1', kind: 'RolloutPaused', message: 'paused' },
  { type: 'EvictPod', rolloutId: 'ro-1', namespace: 'default', podName: 'p', podUid: 'u', node: 'n', attempt: 1 },
  { type: 'CancelTimer', rolloutId: 'ro-1', timerId: 'ro-1/bake-end/0/1' },
  {
    type: 'ScheduleTimer',
    rolloutId: 'ro-1',
    timerId: 'ro-1/node-ready/n/1',
    at,
    timer: { kind: 'NodeReadyTimeout', node: 'n', attempt: 1 },
  },
];

describe('appendRows', () => {
  const rows = appendRows({ rolloutId: 'ro-1', expectedVersion: 4, events, effects, actor: bob, recordedAt: at });

  it('numbers the events after the expected version', () => {
    expect(rows.events.map((row) => row.version)).toEqual([5, 6]);
  });

  it('puts each event in the outbox with a deterministic id, keyed by rollout', () => {
    expect(rows.outbox.slice(0, 2).map(({ topic, key, envelope }) => [topic, key, envelope.id, envelope.type])).toEqual(
      [
        [ROLLOUT_TOPIC, 'ro-1', 'ro-1/5', 'RolloutPaused'],
        [ROLLOUT_TOPIC, 'ro-1', 'ro-1/6', 'RolloutResumed'],
      ],
    );
    expect(rows.outbox[0]?.envelope).toMatchObject({ correlationId: 'ro-1', causationId: 'ro-1/4', actor: bob });
  });

  it('sends notifications through the outbox and keeps cluster effects and timers apart', () => {
    expect(rows.outbox[2]).toMatchObject({ topic: ROLLOUT_NOTIFICATION_TOPIC, envelope: { id: 'ro-1/6/notify/0' } });
    expect(rows.effects.map((row) => [row.id, row.effect.type])).toEqual([['ro-1/6/1', 'EvictPod']]);
    expect(rows.cancels).toEqual(['ro-1/bake-end/0/1']);
    expect(rows.schedules).toEqual([
      { timerId: 'ro-1/node-ready/n/1', dueAt: at, timer: { kind: 'NodeReadyTimeout', node: 'n', attempt: 1 } },
    ]);
  });

  it('keeps the last change of a timer that several decisions of one append schedule and cancel', () => {
    const timer = { kind: 'NodeReadyTimeout', node: 'n', attempt: 1 } as const;
    const schedule = (timerId: string): RolloutEffect => ({
      type: 'ScheduleTimer',
      rolloutId: 'ro-1',
      timerId,
      at,
      timer,
    });
    const cancel = (timerId: string): RolloutEffect => ({ type: 'CancelTimer', rolloutId: 'ro-1', timerId });
    const combined = appendRows({
      rolloutId: 'ro-1',
      expectedVersion: 4,
      events,
      effects: [schedule('a'), cancel('a'), cancel('b'), schedule('b'), schedule('c')],
      actor: null,
      recordedAt: at,
    });

    expect(combined.cancels).toEqual(['a']);
    expect(combined.schedules.map((row) => row.timerId)).toEqual(['b', 'c']);
  });
});

import type { PodWire } from '../kube-wire.types.js';
import type { TimerQueue } from '../runtime/timer-queue.js';
import { readyCondition } from './pod-conditions.js';

type Requeues = Map<string, { dueMs: number; cancel(): void }>;

/** With minReadySeconds a Ready pod turns available later without any event: wake the sync then. */
export function requeueForAvailability(
  timers: TimerQueue,
  requeues: Requeues,
  key: string,
  pods: Iterable<PodWire>,
  minReadySeconds: number,
  enqueue: () => void,
): void {
  if (minReadySeconds <= 0) return;
  const nowMs = Date.now();
  let earliest = Number.POSITIVE_INFINITY;
  for (const pod of pods) {
    const ready = readyCondition(pod);
    if (ready?.status !== 'True' || ready.lastTransitionTime === undefined) continue;
    const availableAt = Date.parse(ready.lastTransitionTime) + minReadySeconds * 1000;
    if (availableAt > nowMs) earliest = Math.min(earliest, availableAt);
  }
  const pending = requeues.get(key);
  if (earliest === Number.POSITIVE_INFINITY || (pending !== undefined && pending.dueMs <= earliest)) return;
  pending?.cancel();
  const task = timers.schedule(earliest - nowMs + 1, () => {
    requeues.delete(key);
    enqueue();
  });
  requeues.set(key, { dueMs: earliest, cancel: () => task.cancel() });
}

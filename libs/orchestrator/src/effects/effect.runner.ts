import type { RolloutObservation } from '#rollcall/domain';
import type { Logger } from 'pino';
import { AlreadyRecorded } from '../rollout.errors.js';
import type { RolloutDriver } from '../runtime/rollout.driver.js';
import type { DaemonSetPatchAdapter } from './daemon-set-patch.adapter.js';
import { stillAwaited } from './effect-relevance.js';
import type { EffectQueue, PendingEffect } from './effect-queue.js';
import type { PodEvictionAdapter } from './pod-eviction.adapter.js';

export interface EffectRunnerDeps {
  readonly queue: EffectQueue;
  readonly driver: RolloutDriver;
  readonly evictions: PodEvictionAdapter;
  readonly patches: DaemonSetPatchAdapter;
  readonly logger: Logger;
  readonly retryDelayMs: number;
}

/**
 * Carries out one rollout's pending cluster effects, at least once: evictions concurrently (the saga
 * bounds them by the batch size), DaemonSet patches one at a time in order. Each result goes back
 * into the saga in the transaction that marks the effect done.
 */
export class EffectRunner {
  private readonly running = new Set<string>();
  private readonly retries = new Set<NodeJS.Timeout>();
  private scanning = false;
  private rescan = false;
  private stopped = false;

  constructor(
    private readonly rolloutId: string,
    private readonly deps: EffectRunnerDeps,
  ) {}

  kick(): void {
    if (this.stopped) return;
    if (this.scanning) {
      this.rescan = true;
      return;
    }
    this.scanning = true;
    void this.scan().finally(() => (this.scanning = false));
  }

  stop(): void {
    this.stopped = true;
    for (const retry of this.retries) clearTimeout(retry);
    this.retries.clear();
  }

  private async scan(): Promise<void> {
    do {
      this.rescan = false;
      let pending: PendingEffect[];
      try {
        pending = await this.deps.queue.pending(this.rolloutId);
      } catch (error) {
        if (!this.stopped) this.deps.logger.warn({ err: error, rolloutId: this.rolloutId }, 'reading effects failed');
        return this.retryLater();
      }
      const firstPatch = pending.find((item) => item.effect.type === 'PatchDaemonSet');
      for (const item of pending) {
        if (this.stopped || this.running.has(item.id)) continue;
        if (item.effect.type === 'PatchDaemonSet' && item !== firstPatch) continue;
        this.running.add(item.id);
        void this.execute(item).finally(() => this.running.delete(item.id));
      }
    } while (this.rescan && !this.stopped);
  }

  private async execute(item: PendingEffect): Promise<void> {
    const { queue, driver, logger } = this.deps;
    try {
      const { state } = await driver.load(this.rolloutId);
      if (!stillAwaited(item.effect, state)) return await queue.markSkipped(item.id, 'no longer awaited');
      await queue.markStarted(item.id);
      if (this.stopped) return;
      const outcome = await this.carryOut(item);
      if (this.stopped) return;
      if (outcome === null) return this.retryLater();
      await driver.handle(this.rolloutId, outcome, { completesEffect: { id: item.id, outcome } });
      this.kick();
    } catch (error) {
      if (error instanceof AlreadyRecorded || this.stopped) return;
      logger.warn({ err: error, rolloutId: this.rolloutId, effect: item.id }, 'effect failed; retrying');
      this.retryLater();
    }
  }

  private async carryOut(item: PendingEffect): Promise<RolloutObservation | null> {
    const now = () => this.deps.driver.now();
    const effect = item.effect;
    if (effect.type === 'PatchDaemonSet') return this.deps.patches.patch(effect, now);
    if (item.attempts > 0) {
      const happened = await this.deps.evictions.alreadyEvicted(effect, now);
      if (happened !== null) return happened;
    }
    return this.deps.evictions.evict(effect, now);
  }

  private retryLater(): void {
    if (this.stopped) return;
    const retry = setTimeout(() => {
      this.retries.delete(retry);
      this.kick();
    }, this.deps.retryDelayMs);
    this.retries.add(retry);
  }
}

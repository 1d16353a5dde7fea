import type { RolloutObservation } from '#rollcall/domain';
import type { Logger } from 'pino';
import type { RolloutDriver } from '../runtime/rollout.driver.js';
import { ConcurrencyLimit } from './concurrency-limit.js';
import type { DaemonSetPatchAdapter } from './daemon-set-patch.adapter.js';
import { effectDisposition } from './effect-relevance.js';
import type { EffectQueue, PendingEffect } from './effect-queue.js';
import type { PodEvictionAdapter } from './pod-eviction.adapter.js';

export interface EffectRunnerDeps {
  readonly queue: EffectQueue;
  readonly driver: RolloutDriver;
  readonly evictions: PodEvictionAdapter;
  readonly patches: DaemonSetPatchAdapter;
  readonly logger: Logger;
  readonly retryDelayMs: number;
  /** Cluster calls in flight at once per rollout. */
  readonly effectConcurrency: number;
}

const NOT_DUE = Symbol('not due');

/**
 * Carries out one rollout's pending cluster effects, at least once: evictions concurrently (the saga
 * bounds them by the batch size, this runner by its concurrency), DaemonSet patches one at a time in
 * order. A scan marks all the effects it starts in one statement before any cluster call; results
 * go back into the saga through the driver, which records those that arrive together in one append.
 */
export class EffectRunner {
  private readonly running = new Set<string>();
  private readonly retries = new Set<NodeJS.Timeout>();
  private readonly calls: ConcurrencyLimit;
  private scanning = false;
  private rescan = false;
  private stopped = false;

  constructor(
    private readonly rolloutId: string,
    private readonly deps: EffectRunnerDeps,
  ) {
    this.calls = new ConcurrencyLimit(deps.effectConcurrency);
  }

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
      try {
        await this.startPending();
      } catch (error) {
        if (!this.stopped) this.deps.logger.warn({ err: error, rolloutId: this.rolloutId }, 'starting effects failed');
        return this.retryLater();
      }
    } while (this.rescan && !this.stopped);
  }

  private async startPending(): Promise<void> {
    const { queue, driver } = this.deps;
    const pending = await queue.pending(this.rolloutId);
    const firstPatch = pending.find((item) => item.effect.type === 'PatchDaemonSet');
    const candidates = pending.filter(
      (item) => !this.running.has(item.id) && (item.effect.type === 'EvictPod' || item === firstPatch),
    );
    if (candidates.length === 0 || this.stopped) return;
    // Loaded after the effects were read, so the state knows every decision that asked for them.
    const { state } = await driver.latest(this.rolloutId);
    const stale = candidates.filter((item) => effectDisposition(item.effect, state) === 'skip');
    await queue.markSkipped(
      stale.map((item) => item.id),
      'no longer awaited',
    );
    if (stale.some((item) => item === firstPatch)) this.rescan = true;
    const due = candidates.filter((item) => effectDisposition(item.effect, state) === 'run');
    due.forEach((item) => this.running.add(item.id));
    let started = new Set<string>();
    try {
      if (!this.stopped) started = await queue.markStarted(due.map((item) => item.id));
    } finally {
      for (const item of due) if (!started.has(item.id)) this.running.delete(item.id);
    }
    for (const item of due) if (started.has(item.id)) void this.execute(item);
  }

  private async execute(item: PendingEffect): Promise<void> {
    try {
      const outcome = await this.calls.run((waited) =>
        this.stopped ? Promise.resolve(null) : this.carryOutIfDue(item, waited),
      );
      if (this.stopped || outcome === NOT_DUE) return;
      if (outcome === null) return this.retryLater();
      await this.deps.driver.record(this.rolloutId, outcome, { id: item.id, outcome });
      // A finished patch lets the next one start.
      if (item.effect.type === 'PatchDaemonSet') this.kick();
    } catch (error) {
      if (this.stopped) return;
      this.deps.logger.warn({ err: error, rolloutId: this.rolloutId, effect: item.id }, 'effect failed; retrying');
      this.retryLater();
    } finally {
      this.running.delete(item.id);
    }
  }

  /**
   * An eviction that waited for a free call slot is checked again just before the call: a pause or an
   * abort appended meanwhile holds or skips it (a held one stays pending and is started again on resume).
   * One that got a slot at once runs on the check its scan has just made.
   */
  private async carryOutIfDue(
    item: PendingEffect,
    waited: boolean,
  ): Promise<RolloutObservation | null | typeof NOT_DUE> {
    if (item.effect.type !== 'EvictPod' || !waited) return this.carryOut(item);
    const { state } = await this.deps.driver.latest(this.rolloutId);
    const disposition = effectDisposition(item.effect, state);
    if (disposition === 'skip') await this.deps.queue.markSkipped([item.id], 'no longer awaited');
    return disposition === 'run' ? this.carryOut(item) : NOT_DUE;
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

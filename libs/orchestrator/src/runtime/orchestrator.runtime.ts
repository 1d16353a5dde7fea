import type { KubeConfig } from '@kubernetes/client-node';
import type { EventBus } from '#rollcall/messaging';
import type { Logger } from 'pino';
import type pg from 'pg';
import type { DaemonSetPatchAdapter } from '../effects/daemon-set-patch.adapter.js';
import type { EffectQueue } from '../effects/effect-queue.js';
import type { PodEvictionAdapter } from '../effects/pod-eviction.adapter.js';
import type { OrchestratorSettings } from '../orchestrator.settings.js';
import { OutboxRelay } from '#rollcall/outbox';
import type { RolloutReadModel } from '../service/rollout.read-model.js';
import { ROLLOUT_NOTIFICATION_TOPIC, ROLLOUT_TOPIC } from '../store/rollout-topics.js';
import { TimerPoller } from '../timers/timer.poller.js';
import { PeriodicTask } from './periodic-task.js';
import type { RolloutDriver } from './rollout.driver.js';
import { RolloutLeases } from './rollout-leases.js';
import { RolloutWorker } from './rollout.worker.js';

export interface OrchestratorRuntimeDeps {
  readonly pool: pg.Pool;
  readonly bus: EventBus;
  readonly kubeConfig: KubeConfig;
  readonly driver: RolloutDriver;
  readonly readModel: RolloutReadModel;
  readonly queue: EffectQueue;
  readonly evictions: PodEvictionAdapter;
  readonly patches: DaemonSetPatchAdapter;
  readonly settings: OrchestratorSettings;
  readonly logger: Logger;
}

/**
 * The saga's runtime in one process: claims rollout leases and runs a worker per held rollout,
 * fires due timers, and relays the outbox to the bus. Any number of processes can run it.
 */
export class OrchestratorRuntime {
  private readonly workers = new Map<string, RolloutWorker>();
  private readonly leases: RolloutLeases;
  private readonly supervisor: PeriodicTask;
  private readonly timers: PeriodicTask;
  private readonly relay: PeriodicTask;

  constructor(private readonly deps: OrchestratorRuntimeDeps) {
    const { pool, bus, driver, settings, logger } = deps;
    this.leases = new RolloutLeases(pool, settings.owner, settings.leaseTtlMs);
    const poller = new TimerPoller(pool, driver, settings.owner, logger);
    const relay = new OutboxRelay(pool, bus);
    this.supervisor = new PeriodicTask('rollout-leases', settings.superviseEveryMs, () => this.supervise(), logger);
    this.timers = new PeriodicTask('rollout-timers', settings.timerPollMs, () => poller.fireDue(), logger);
    this.relay = new PeriodicTask('outbox-relay', settings.relayPollMs, () => relay.relayOnce(), logger);
    driver.onAppend((rolloutId, decision) => {
      this.relay.wake();
      const worker = this.workers.get(rolloutId);
      if (!worker) this.supervisor.wake();
      else if (
        decision.effects.some((effect) => effect.type === 'EvictPod' || effect.type === 'PatchDaemonSet') ||
        // Evictions held during a pause run again now.
        decision.events.some((event) => event.type === 'RolloutResumed')
      )
        worker.effects.kick();
    });
  }

  async start(): Promise<void> {
    await this.deps.bus.ensureTopics([
      { name: ROLLOUT_TOPIC, partitions: 6 },
      { name: ROLLOUT_NOTIFICATION_TOPIC, partitions: 6 },
    ]);
    this.supervisor.start();
    this.timers.start();
    this.relay.start();
  }

  /** Stops and hands every held rollout over at once (releases the leases). */
  async stop(): Promise<void> {
    const held = await this.halt();
    await this.leases.release(held);
  }

  /** Stops every loop and worker but keeps the leases, as a killed process would; returns the rollouts it held. */
  async halt(): Promise<string[]> {
    await Promise.all([this.supervisor.stop(), this.timers.stop(), this.relay.stop()]);
    const held = [...this.workers.keys()];
    await Promise.all([...this.workers.values()].map((worker) => worker.stop()));
    this.workers.clear();
    return held;
  }

  heldRollouts(): string[] {
    return [...this.workers.keys()];
  }

  private async supervise(): Promise<void> {
    const wanted = await this.deps.readModel.rolloutsToDrive();
    const held = await this.leases.claim(wanted);
    const released = [...this.workers.keys()].filter((id) => !held.has(id));
    await Promise.all(released.map((id) => this.stopWorker(id)));
    await this.leases.release(released.filter((id) => !wanted.includes(id)));
    // Appends made by other processes (an API replica's approve) reach held rollouts through this rescan.
    for (const id of held) {
      const worker = this.workers.get(id);
      if (worker) worker.effects.kick();
      else this.startWorker(id);
    }
  }

  private startWorker(rolloutId: string): void {
    const { effectRetryMs, effectConcurrency } = this.deps.settings;
    const worker = new RolloutWorker(rolloutId, { ...this.deps, retryDelayMs: effectRetryMs, effectConcurrency });
    this.workers.set(rolloutId, worker);
    worker.start().catch((error: unknown) => {
      this.deps.logger.warn({ err: error, rolloutId }, 'rollout worker did not start; retrying');
      void this.stopWorker(rolloutId);
    });
  }

  private async stopWorker(rolloutId: string): Promise<void> {
    const worker = this.workers.get(rolloutId);
    this.workers.delete(rolloutId);
    await worker?.stop();
  }
}

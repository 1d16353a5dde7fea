import { AppsV1Api, type KubeConfig } from '@kubernetes/client-node';
import { hasOutcome } from '#rollcall/domain';
import type { Logger } from 'pino';
import { EffectRunner, type EffectRunnerDeps } from '../effects/effect.runner.js';
import { DaemonSetPodsWatch } from '../observations/daemon-set-pods.watch.js';
import { DaemonSetWatch } from '../observations/daemon-set.watch.js';
import { RolloutNodesWatch } from '../observations/rollout-nodes.watch.js';
import type { RolloutDriver } from './rollout.driver.js';

export interface RolloutWorkerDeps extends EffectRunnerDeps {
  readonly kubeConfig: KubeConfig;
  readonly driver: RolloutDriver;
  readonly logger: Logger;
}

/** Drives one rollout while this process holds its lease: its effects, its pods' changes, removed nodes and edits of its DaemonSet. */
export class RolloutWorker {
  readonly effects: EffectRunner;
  private podsWatch: DaemonSetPodsWatch | undefined;
  private daemonSetWatch: DaemonSetWatch | undefined;
  private nodesWatch: RolloutNodesWatch | undefined;
  private stopped = false;

  constructor(
    private readonly rolloutId: string,
    private readonly deps: RolloutWorkerDeps,
  ) {
    this.effects = new EffectRunner(rolloutId, deps);
  }

  /** Resumes where the rollout stands: re-checks pending effects and relists its pods. */
  async start(): Promise<void> {
    this.effects.kick();
    const { state } = await this.deps.driver.load(this.rolloutId);
    if (state === null || hasOutcome(state) || this.stopped) return;
    const { namespace, name } = state.spec.daemonSet;
    const ds = await this.deps.kubeConfig.makeApiClient(AppsV1Api).readNamespacedDaemonSet({ namespace, name });
    const labelSelector = Object.entries(ds.spec?.selector.matchLabels ?? {})
      .map(([key, value]) => `${key}=${value}`)
      .join(',');
    if (this.stopped) return;
    this.podsWatch = new DaemonSetPodsWatch(
      this.deps.kubeConfig,
      { rolloutId: this.rolloutId, namespace, daemonSetUid: state.daemonSetUid, labelSelector },
      this.deps.driver,
      this.deps.logger,
    );
    this.podsWatch.start();
    this.daemonSetWatch = new DaemonSetWatch(
      this.deps.kubeConfig,
      { rolloutId: this.rolloutId, namespace, name },
      this.deps.driver,
      this.deps.logger,
    );
    this.daemonSetWatch.start();
    this.nodesWatch = new RolloutNodesWatch(this.deps.kubeConfig, this.rolloutId, this.deps.driver, this.deps.logger);
    this.nodesWatch.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.effects.stop();
    await Promise.all([this.podsWatch?.stop(), this.daemonSetWatch?.stop(), this.nodesWatch?.stop()]);
  }
}

import { AppsV1Api, type KubeConfig, type V1DaemonSet } from '@kubernetes/client-node';
import { hasOutcome } from '#rollcall/domain';
import { ResourceWatcher, type ResourceEvent, type ResourceSource } from '#rollcall/kube';
import type { Logger } from 'pino';
import type { RolloutDriver } from '../runtime/rollout.driver.js';
import { externalChanges, lastManager, noChangeIsFinal } from './external-change.js';

export interface DaemonSetWatchTarget {
  readonly rolloutId: string;
  readonly namespace: string;
  readonly name: string;
}

/** Watches the rollout's DaemonSet and tells the saga when someone else changed what it relies on. */
export class DaemonSetWatch {
  private readonly watcher: ResourceWatcher<V1DaemonSet>;
  private reportedGeneration = 0;
  /** A generation found unchanged for good: its status-only updates need no state load. */
  private settledGeneration = 0;

  constructor(
    kubeConfig: KubeConfig,
    private readonly target: DaemonSetWatchTarget,
    private readonly driver: RolloutDriver,
    private readonly logger: Logger,
  ) {
    const apps = kubeConfig.makeApiClient(AppsV1Api);
    const { namespace, name } = target;
    const fieldSelector = `metadata.name=${name}`;
    const source: ResourceSource<V1DaemonSet> = {
      resource: `DaemonSet of rollout ${target.rolloutId}`,
      watchPath: `/apis/apps/v1/namespaces/${namespace}/daemonsets`,
      fieldSelector,
      list: (query) =>
        apps.listNamespacedDaemonSet({ namespace, fieldSelector, limit: query.limit, _continue: query.continueToken }),
    };
    this.watcher = new ResourceWatcher(
      kubeConfig,
      source,
      { offer: (event) => this.offer(event), whenReady: () => Promise.resolve() },
      { onError: (error) => this.logger.warn({ err: error, rolloutId: target.rolloutId }, 'DaemonSet watch failed') },
    );
  }

  start(): void {
    this.watcher.start();
  }

  stop(): Promise<void> {
    return this.watcher.stop();
  }

  private offer(event: ResourceEvent<V1DaemonSet>): boolean {
    if (event.type === 'Object' && event.change !== 'DELETED')
      this.check(event.object).catch((error: unknown) =>
        this.logger.warn({ err: error, rolloutId: this.target.rolloutId }, 'DaemonSet change not recorded'),
      );
    return true;
  }

  private async check(ds: V1DaemonSet): Promise<void> {
    const generation = ds.metadata?.generation ?? 0;
    if (generation <= this.reportedGeneration || generation === this.settledGeneration) return;
    const { state } = await this.driver.load(this.target.rolloutId);
    // A paused rollout is watched too: an edit made during the pause is recorded and undone on resume.
    if (state === null || hasOutcome(state)) return;
    const changedFields = externalChanges(state, ds);
    if (changedFields.length === 0) {
      if (noChangeIsFinal(state)) this.settledGeneration = generation;
      return;
    }
    this.reportedGeneration = generation;
    await this.driver.handle(this.target.rolloutId, {
      type: 'DaemonSetChangedExternally',
      now: this.driver.now(),
      generation,
      changedFields,
      changedBy: lastManager(ds),
    });
  }
}

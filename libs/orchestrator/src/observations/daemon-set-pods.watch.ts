import { CoreV1Api, type KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { ResourceWatcher, type ResourceEvent, type ResourceEventSink, type ResourceSource } from '#rollcall/kube';
import type { Logger } from 'pino';
import type { RolloutDriver } from '../runtime/rollout.driver.js';
import { podObservationOf } from './pod-observation.js';

export interface PodWatchTarget {
  readonly rolloutId: string;
  readonly namespace: string;
  readonly daemonSetUid: string;
  readonly labelSelector: string;
}

/**
 * Watches one rollout's DaemonSet pods straight from the API server and feeds each change into the
 * saga at once: a Ready replacement leads to the next eviction without waiting for the watcher's
 * batches and a round trip through Kafka. Changes arriving together share one append.
 */
export class DaemonSetPodsWatch {
  private readonly watcher: ResourceWatcher<V1Pod>;

  constructor(
    kubeConfig: KubeConfig,
    private readonly target: PodWatchTarget,
    private readonly driver: RolloutDriver,
    private readonly logger: Logger,
  ) {
    const core = kubeConfig.makeApiClient(CoreV1Api);
    const { namespace, labelSelector } = target;
    const source: ResourceSource<V1Pod> = {
      resource: `pods of rollout ${target.rolloutId}`,
      watchPath: `/api/v1/namespaces/${namespace}/pods`,
      labelSelector,
      list: (query) =>
        core.listNamespacedPod({ namespace, labelSelector, limit: query.limit, _continue: query.continueToken }),
    };
    const sink: ResourceEventSink<V1Pod> = { offer: (event) => this.offer(event), whenReady: () => Promise.resolve() };
    this.watcher = new ResourceWatcher(kubeConfig, source, sink, {
      onError: (error) => this.logger.warn({ err: error, rolloutId: target.rolloutId }, 'pod watch failed'),
    });
  }

  start(): void {
    this.watcher.start();
  }

  stop(): Promise<void> {
    return this.watcher.stop();
  }

  private offer(event: ResourceEvent<V1Pod>): boolean {
    if (event.type !== 'Object' || event.change === 'DELETED') return true;
    const observation = podObservationOf(event.object, this.target.daemonSetUid, this.driver.now());
    if (observation === null) return true;
    this.driver.record(this.target.rolloutId, observation).catch((error: unknown) => {
      this.logger.warn({ err: error, rolloutId: this.target.rolloutId }, 'pod observation not recorded');
    });
    return true;
  }
}

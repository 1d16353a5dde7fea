import type { CoreV1Api } from '@kubernetes/client-node';
import type { RolloutEffect } from '#rollcall/domain';
import { evictionOutcome, type EvictionOutcome } from './eviction-outcome.js';
import { kubeFailureOf } from './kube-failure.js';

type EvictPod = Extract<RolloutEffect, { type: 'EvictPod' }>;

/** Evicts through the Eviction API with the pod uid as precondition; never a plain DELETE. */
export class PodEvictionAdapter {
  constructor(private readonly core: CoreV1Api) {}

  async evict(effect: EvictPod, now: () => string): Promise<EvictionOutcome> {
    try {
      await this.core.createNamespacedPodEviction({
        namespace: effect.namespace,
        name: effect.podName,
        body: {
          apiVersion: 'policy/v1',
          kind: 'Eviction',
          metadata: { name: effect.podName, namespace: effect.namespace },
          deleteOptions: { preconditions: { uid: effect.podUid } },
        },
      });
      return evictionOutcome(effect, now(), null);
    } catch (error) {
      return evictionOutcome(effect, now(), kubeFailureOf(error));
    }
  }

  /**
   * After a crash between asking and recording: the eviction happened when the pod is gone or was
   * replaced (another uid under the name); null when the same pod still runs and must be evicted.
   */
  async alreadyEvicted(effect: EvictPod, now: () => string): Promise<EvictionOutcome> {
    try {
      const pod = await this.core.readNamespacedPod({ namespace: effect.namespace, name: effect.podName });
      if (pod.metadata?.uid === effect.podUid && pod.metadata.deletionTimestamp === undefined) return null;
      return { type: 'PodEvicted', now: now(), node: effect.node, podUid: effect.podUid };
    } catch (error) {
      const failure = kubeFailureOf(error);
      if (failure.status !== 404) throw error;
      return { type: 'PodEvicted', now: now(), node: effect.node, podUid: effect.podUid };
    }
  }
}

import type { V1Pod } from '@kubernetes/client-node';
import { podDataOf, type RolloutObservation } from '#rollcall/domain';

type PodObserved = Extract<RolloutObservation, { type: 'PodObserved' }>;

/**
 * The saga's view of a DaemonSet pod, or null when the pod says nothing new about its node: not
 * owned by the DaemonSet, not yet placed, or terminating (its replacement is what counts).
 */
export function podObservationOf(pod: V1Pod, daemonSetUid: string, now: string): PodObserved | null {
  const data = podDataOf(pod, 'MODIFIED');
  if (data.owner?.uid !== daemonSetUid || data.nodeName === null || data.deletionTimestamp !== null) return null;
  return {
    type: 'PodObserved',
    now,
    node: data.nodeName,
    pod: {
      name: data.name,
      uid: data.uid,
      revisionHash: data.revisionHash ?? '',
      ready: data.ready,
      restarts: data.restartCount,
      crashLooping: data.containers.some((container) => container.waitingReason === 'CrashLoopBackOff'),
    },
  };
}

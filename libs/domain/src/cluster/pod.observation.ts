import type { V1Pod } from '@kubernetes/client-node';
import type { PodContainerState, PodData } from './cluster.events.js';
import { toIsoTime, type ObservedChange } from './cluster-resource.js';
import { REVISION_HASH_LABEL } from './controller-revision.observation.js';
import { namespacedIdentityOf, ownerDaemonSetOf } from './object-fields.js';

export const POD_TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

/** The DaemonSet controller pins each pod to one node with `matchFields metadata.name In [node]`. */
export const pinnedNodeOf = (pod: V1Pod): string | null => {
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  for (const term of terms ?? []) {
    const field = term.matchFields?.find((item) => item.key === 'metadata.name' && item.operator === 'In');
    if (field?.values?.length === 1) return field.values[0] ?? null;
  }
  return null;
};

export const podNodeOf = (pod: V1Pod): string | null => pod.spec?.nodeName || pinnedNodeOf(pod);

const containerStatesOf = (pod: V1Pod): PodContainerState[] =>
  (pod.spec?.containers ?? []).map((container) => {
    const status = pod.status?.containerStatuses?.find((item) => item.name === container.name);
    return {
      name: container.name,
      image: status?.image ?? container.image ?? '',
      imageID: status?.imageID || null,
      ready: status?.ready ?? false,
      restartCount: status?.restartCount ?? 0,
      waitingReason: status?.state?.waiting?.reason ?? null,
    };
  });

export const podDataOf = (pod: V1Pod, change: ObservedChange): PodData => {
  const containers = containerStatesOf(pod);
  const labels = pod.metadata?.labels ?? {};
  return {
    ...namespacedIdentityOf(pod.metadata, change),
    nodeName: podNodeOf(pod),
    owner: ownerDaemonSetOf(pod.metadata?.ownerReferences),
    revisionHash: labels[REVISION_HASH_LABEL] ?? null,
    templateGeneration: labels[POD_TEMPLATE_GENERATION_LABEL] ?? null,
    containers,
    phase: pod.status?.phase ?? null,
    ready:
      pod.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') ?? false,
    restartCount: containers.reduce((total, container) => total + container.restartCount, 0),
    waitingReason: containers.find((container) => container.waitingReason !== null)?.waitingReason ?? null,
    startTime: toIsoTime(pod.status?.startTime),
    deletionTimestamp: toIsoTime(pod.metadata?.deletionTimestamp),
  };
};

/** The watcher observes only pods a DaemonSet controls. */
export const isDaemonSetPod = (pod: V1Pod): boolean => ownerDaemonSetOf(pod.metadata?.ownerReferences) !== null;

import type { V1ControllerRevision, V1DaemonSet, V1Node, V1Pod, V1PodDisruptionBudget } from '@kubernetes/client-node';
import {
  REVISION_HASH_LABEL,
  type DaemonSetPodView,
  type DaemonSetView,
  type NodeView,
  type PdbView,
} from '#rollcall/domain';
import { podObservationOf } from '../observations/pod-observation.js';

export function nodeViewOf(node: V1Node): NodeView {
  return {
    name: node.metadata?.name ?? '',
    labels: node.metadata?.labels ?? {},
    ready: node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
    schedulable: node.spec?.unschedulable !== true,
  };
}

/** The nodes the DaemonSet targets through its template's nodeSelector (affinity and taints are not evaluated). */
export function targetedNodes(ds: V1DaemonSet, nodes: readonly V1Node[]): V1Node[] {
  const selector = Object.entries(ds.spec?.template.spec?.nodeSelector ?? {});
  return nodes.filter((node) => selector.every(([key, value]) => node.metadata?.labels?.[key] === value));
}

export function podViewOf(pod: V1Pod, daemonSetUid: string): DaemonSetPodView | null {
  const observed = podObservationOf(pod, daemonSetUid, '');
  return observed === null ? null : { ...observed.pod, nodeName: observed.node };
}

/** The newest ControllerRevision (highest `.revision`) owned by the DaemonSet. */
export function newestRevisionHash(ds: V1DaemonSet, revisions: readonly V1ControllerRevision[]): string {
  const owned = revisions
    .filter((revision) => revision.metadata?.ownerReferences?.some((owner) => owner.uid === ds.metadata?.uid))
    .sort((a, b) => b.revision - a.revision);
  return owned[0]?.metadata?.labels?.[REVISION_HASH_LABEL] ?? '';
}

export function daemonSetViewOf(ds: V1DaemonSet, revisions: readonly V1ControllerRevision[]): DaemonSetView {
  const strategy = ds.spec?.updateStrategy;
  const rollingUpdate = strategy?.rollingUpdate;
  return {
    uid: ds.metadata?.uid ?? '',
    generation: ds.metadata?.generation ?? 0,
    desiredNumberScheduled: ds.status?.desiredNumberScheduled ?? 0,
    observedGeneration: ds.status?.observedGeneration ?? 0,
    currentRevisionHash: newestRevisionHash(ds, revisions),
    containerNames: (ds.spec?.template.spec?.containers ?? []).map((container) => container.name),
    updateStrategy:
      strategy?.type === 'OnDelete'
        ? { type: 'OnDelete' }
        : {
            type: 'RollingUpdate',
            ...(rollingUpdate === undefined
              ? {}
              : {
                  rollingUpdate: {
                    ...(rollingUpdate.maxUnavailable === undefined
                      ? {}
                      : { maxUnavailable: rollingUpdate.maxUnavailable }),
                    ...(rollingUpdate.maxSurge === undefined ? {} : { maxSurge: rollingUpdate.maxSurge }),
                  },
                }),
          },
  };
}

/** A PDB matters when its selector's matchLabels all hold on the DaemonSet's pod template. */
export function selectsDaemonSetPods(pdb: V1PodDisruptionBudget, ds: V1DaemonSet): boolean {
  const podLabels = ds.spec?.template.metadata?.labels ?? {};
  const matchLabels = Object.entries(pdb.spec?.selector?.matchLabels ?? {});
  return matchLabels.length > 0 && matchLabels.every(([key, value]) => podLabels[key] === value);
}

export function pdbViewOf(pdb: V1PodDisruptionBudget): PdbView {
  const status = pdb.status;
  return {
    namespace: pdb.metadata?.namespace ?? '',
    name: pdb.metadata?.name ?? '',
    generation: pdb.metadata?.generation ?? 0,
    minAvailable: pdb.spec?.minAvailable ?? null,
    maxUnavailable: pdb.spec?.maxUnavailable ?? null,
    status: {
      observedGeneration: status?.observedGeneration ?? -1,
      disruptionsAllowed: status?.disruptionsAllowed ?? 0,
      currentHealthy: status?.currentHealthy ?? 0,
      desiredHealthy: status?.desiredHealthy ?? 0,
      expectedPods: status?.expectedPods ?? 0,
    },
  };
}

import type { IntOrString } from '../kube-wire.types.js';
import { scaledValue } from './int-or-percent.js';
import type { DaemonPodView } from './node-pods.plan.js';

export interface RollingUpdateLimits {
  readonly maxUnavailable: number;
  readonly maxSurge: number;
}

/** Both limits scale from desiredNumberScheduled rounding up; 0/0 falls back to maxUnavailable 1 (updatedDesiredNodeCounts). */
export function rollingUpdateLimits(
  rollingUpdate: { maxUnavailable?: IntOrString; maxSurge?: IntOrString } | undefined,
  desiredNumberScheduled: number,
): RollingUpdateLimits {
  const maxUnavailable = scaledValue(rollingUpdate?.maxUnavailable, desiredNumberScheduled, true, 1);
  const maxSurge = scaledValue(rollingUpdate?.maxSurge, desiredNumberScheduled, true, 0);
  if (desiredNumberScheduled > 0 && maxUnavailable === 0 && maxSurge === 0) return { maxUnavailable: 1, maxSurge };
  return { maxUnavailable, maxSurge };
}

export interface NodeRolloutView {
  readonly nodeName: string;
  readonly pods: readonly DaemonPodView[];
}

export interface RollingUpdatePlan {
  readonly deletePods: readonly string[];
  readonly createOnNodes: readonly string[];
}

type Split = { readonly ok: true; newPod?: DaemonPodView; oldPod?: DaemonPodView } | { readonly ok: false };

/** findUpdatedPodsOnNode: at most one live new and one live old pod, else the manage loop must clean up first. */
function splitNodePods(pods: readonly DaemonPodView[]): Split {
  let newPod: DaemonPodView | undefined;
  let oldPod: DaemonPodView | undefined;
  for (const pod of pods) {
    if (pod.terminating) continue;
    if (pod.updated) {
      if (newPod !== undefined) return { ok: false };
      newPod = pod;
    } else {
      if (oldPod !== undefined) return { ok: false };
      oldPod = pod;
    }
  }
  return { ok: true, newPod, oldPod };
}

/** The real controller's rollingUpdate: delete old pods within maxUnavailable, or surge new ones within maxSurge. */
export function planRollingUpdate(nodes: readonly NodeRolloutView[], limits: RollingUpdateLimits): RollingUpdatePlan {
  return limits.maxSurge === 0 ? planWithoutSurge(nodes, limits.maxUnavailable) : planWithSurge(nodes, limits.maxSurge);
}

function planWithoutSurge(nodes: readonly NodeRolloutView[], maxUnavailable: number): RollingUpdatePlan {
  let unavailable = 0;
  const allowed: string[] = [];
  const candidates: string[] = [];
  for (const node of nodes) {
    const split = splitNodePods(node.pods);
    if (!split.ok || (split.newPod === undefined) === (split.oldPod === undefined)) {
      unavailable++;
    } else if (split.newPod !== undefined) {
      if (!split.newPod.available) unavailable++;
    } else if (split.oldPod !== undefined && !split.oldPod.available) {
      allowed.push(split.oldPod.name);
    } else if (split.oldPod !== undefined && unavailable < maxUnavailable) {
      candidates.push(split.oldPod.name);
    }
  }
  const remaining = Math.min(Math.max(maxUnavailable - unavailable, 0), candidates.length);
  return { deletePods: [...allowed, ...candidates.slice(0, remaining)], createOnNodes: [] };
}

function planWithSurge(nodes: readonly NodeRolloutView[], maxSurge: number): RollingUpdatePlan {
  let surging = 0;
  const deletePods: string[] = [];
  const allowed: string[] = [];
  const candidates: string[] = [];
  for (const node of nodes) {
    const split = splitNodePods(node.pods);
    if (!split.ok) {
      surging++;
    } else if (split.oldPod === undefined) {
      continue;
    } else if (split.newPod === undefined) {
      if (!split.oldPod.available) allowed.push(node.nodeName);
      else if (surging < maxSurge) candidates.push(node.nodeName);
    } else if (!split.newPod.available) {
      surging++;
    } else {
      deletePods.push(split.oldPod.name);
    }
  }
  const remaining = Math.min(Math.max(maxSurge - surging, 0), candidates.length);
  return { deletePods, createOnNodes: [...allowed, ...candidates.slice(0, remaining)] };
}

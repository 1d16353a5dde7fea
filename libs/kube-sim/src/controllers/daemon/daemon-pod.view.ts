import type { PodWire } from '../kube-wire.types.js';
import { isPodUpdated } from './daemon-labels.js';
import type { DaemonPodView } from './node-pods.plan.js';
import { isPodAvailable, isPodReady, isTerminating } from './pod-conditions.js';

export interface RevisionContext {
  readonly hash: string;
  readonly generation: string | undefined;
  readonly minReadySeconds: number;
  readonly nowMs: number;
}

export function daemonPodView(pod: PodWire, context: RevisionContext): DaemonPodView {
  const created = pod.metadata.creationTimestamp as unknown as string | undefined;
  return {
    name: pod.metadata.name ?? '',
    createdAtMs: created === undefined ? 0 : Date.parse(created),
    updated: isPodUpdated(pod, context.hash, context.generation),
    terminating: isTerminating(pod),
    phase: pod.status?.phase ?? 'Pending',
    ready: isPodReady(pod),
    available: isPodAvailable(pod, context.minReadySeconds, context.nowMs),
  };
}

/** The DaemonSet's pods grouped by node name, as views. */
export function podsByNode(pods: Iterable<PodWire>, context: RevisionContext): Map<string, DaemonPodView[]> {
  const grouped = new Map<string, DaemonPodView[]>();
  for (const pod of pods) {
    const nodeName = pod.spec.nodeName ?? '';
    let views = grouped.get(nodeName);
    if (views === undefined) grouped.set(nodeName, (views = []));
    views.push(daemonPodView(pod, context));
  }
  return grouped;
}

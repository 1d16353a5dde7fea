import type { NodeEligibility } from './node-eligibility.js';

/** What the controller knows about one daemon pod on one node, for the pure plans. */
export interface DaemonPodView {
  readonly name: string;
  readonly createdAtMs: number;
  /** Runs the DaemonSet's current revision (hash or template generation). */
  readonly updated: boolean;
  readonly terminating: boolean;
  readonly phase: string;
  readonly ready: boolean;
  readonly available: boolean;
}

export interface NodePodsPlan {
  readonly create: boolean;
  readonly deletePods: readonly string[];
}

const oldestFirst = (left: DaemonPodView, right: DaemonPodView): number => left.createdAtMs - right.createdAtMs;

/** The manage loop for one node (podsShouldBeOnNode): create a missing pod, delete failed, surplus or misplaced ones. */
export function planNodePods(
  eligibility: NodeEligibility,
  pods: readonly DaemonPodView[],
  allowsSurge: boolean,
): NodePodsPlan {
  if (eligibility.shouldRun && pods.length === 0) return { create: true, deletePods: [] };
  if (!eligibility.shouldContinueRunning) {
    return { create: false, deletePods: pods.filter((pod) => !pod.terminating).map((pod) => pod.name) };
  }
  const live = pods.filter((pod) => !pod.terminating);
  const finished = live.filter((pod) => pod.phase === 'Failed' || pod.phase === 'Succeeded');
  const running = live.filter((pod) => !finished.includes(pod)).sort(oldestFirst);
  const deletePods = finished.map((pod) => pod.name);
  if (!allowsSurge) {
    return { create: false, deletePods: [...deletePods, ...running.slice(1).map((pod) => pod.name)] };
  }
  if (running.length <= 1) return { create: running.length === 0 && eligibility.shouldRun, deletePods };
  return { create: false, deletePods: [...deletePods, ...surplusWhileSurging(running)] };
}

/** With surge two pods may share a node only while the new one is not yet available and the old one is ready. */
function surplusWhileSurging(running: readonly DaemonPodView[]): string[] {
  const oldestNew = running.find((pod) => pod.updated);
  const oldestOld = running.find((pod) => !pod.updated);
  const surplus = running.filter((pod) => pod !== oldestNew && pod !== oldestOld).map((pod) => pod.name);
  if (oldestNew !== undefined && oldestOld !== undefined && (!oldestOld.ready || oldestNew.available)) {
    surplus.push(oldestOld.name);
  }
  return surplus;
}

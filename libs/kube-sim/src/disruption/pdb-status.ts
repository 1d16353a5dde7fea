import { scaledValue } from '../controllers/daemon/int-or-percent.js';
import type { ConditionWire, PdbSpecWire, PdbStatusWire } from '../controllers/kube-wire.types.js';

/** What the disruption controller knows about one pod the PDB selects. */
export interface PdbPodView {
  readonly name: string;
  readonly ready: boolean;
  readonly terminating: boolean;
}

export interface PdbStatusInput {
  readonly spec: PdbSpecWire;
  readonly generation: number;
  readonly pods: readonly PdbPodView[];
  /**
   * The scale of the pods' controller, needed for a percentage or maxUnavailable. DaemonSets have
   * no scale subresource, so for DaemonSet pods this is undefined and the PDB fails safe.
   */
  readonly expectedScale: number | undefined;
  readonly previousDisruptedPods: Readonly<Record<string, string>>;
  readonly nowMs: number;
}

/** An eviction not yet seen as a deletion counts as a disruption this long (DeletionTimeout). */
export const DISRUPTED_POD_TIMEOUT_MS = 2 * 60 * 1000;

function condition(allowed: boolean, reason: string, message: string, nowMs: number): ConditionWire {
  const lastTransitionTime = new Date(nowMs).toISOString();
  return { type: 'DisruptionAllowed', status: allowed ? 'True' : 'False', reason, message, lastTransitionTime };
}

/** Keeps evicted pods that still exist, are not yet terminating, and were evicted recently. */
function pendingDisruptions(input: PdbStatusInput): Record<string, string> {
  const live = new Map(input.pods.map((pod) => [pod.name, pod]));
  const kept: Record<string, string> = {};
  for (const [name, at] of Object.entries(input.previousDisruptedPods)) {
    const pod = live.get(name);
    if (pod === undefined || pod.terminating) continue;
    if (Date.parse(at) + DISRUPTED_POD_TIMEOUT_MS < input.nowMs) continue;
    kept[name] = at;
  }
  return kept;
}

/** The disruption controller's arithmetic (getExpectedPodCount, countHealthyPods, updatePdbStatus). */
export function computePdbStatus(input: PdbStatusInput): PdbStatusWire {
  const { spec, pods, expectedScale, generation, nowMs } = input;
  const percentOrMax = spec.maxUnavailable !== undefined || typeof spec.minAvailable === 'string';
  if (percentOrMax && expectedScale === undefined) {
    const message = 'found no controllers with a scale for the selected pods';
    return {
      observedGeneration: generation,
      disruptionsAllowed: 0,
      currentHealthy: 0,
      desiredHealthy: 0,
      expectedPods: 0,
      disruptedPods: {},
      conditions: [condition(false, 'SyncFailed', message, nowMs)],
    };
  }
  const disruptedPods = pendingDisruptions(input);
  const expectedPods = percentOrMax ? (expectedScale ?? 0) : pods.length;
  let desiredHealthy = 0;
  if (spec.maxUnavailable !== undefined) {
    desiredHealthy = Math.max(0, expectedPods - scaledValue(spec.maxUnavailable, expectedPods, true, 0));
  } else if (spec.minAvailable !== undefined) {
    desiredHealthy = scaledValue(spec.minAvailable, expectedPods, true, 0);
  }
  const currentHealthy = pods.filter((pod) => pod.ready && !pod.terminating && !(pod.name in disruptedPods)).length;
  const disruptionsAllowed = expectedPods <= 0 ? 0 : Math.max(0, currentHealthy - desiredHealthy);
  const allowed = disruptionsAllowed > 0;
  return {
    observedGeneration: generation,
    disruptedPods,
    disruptionsAllowed,
    currentHealthy,
    desiredHealthy,
    expectedPods,
    conditions: [condition(allowed, allowed ? 'SufficientPods' : 'InsufficientPods', '', nowMs)],
  };
}

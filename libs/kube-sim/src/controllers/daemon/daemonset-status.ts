import type { DaemonSetStatusWire } from '../kube-wire.types.js';
import type { DaemonPodView } from './node-pods.plan.js';

export interface NodeStatusView {
  readonly shouldRun: boolean;
  readonly pods: readonly DaemonPodView[];
}

/** storeDaemonSetStatus: counts per node, judging a node by its oldest daemon pod. */
export function computeDaemonSetStatus(
  nodes: Iterable<NodeStatusView>,
  observedGeneration: number,
): Omit<DaemonSetStatusWire, 'collisionCount'> {
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let available = 0;
  let updated = 0;
  for (const node of nodes) {
    const scheduled = node.pods.length > 0;
    if (!node.shouldRun) {
      if (scheduled) misscheduled++;
      continue;
    }
    desired++;
    if (!scheduled) continue;
    current++;
    const oldest = node.pods.reduce((first, pod) => (pod.createdAtMs < first.createdAtMs ? pod : first));
    if (oldest.ready) {
      ready++;
      if (oldest.available) available++;
    }
    if (oldest.updated) updated++;
  }
  return {
    desiredNumberScheduled: desired,
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    numberReady: ready,
    numberAvailable: available,
    numberUnavailable: desired - available,
    updatedNumberScheduled: updated,
    observedGeneration,
  };
}

import type { ClusterStore, KubeObject } from '#rollcall/kube-sim';

interface PodWire extends KubeObject {
  status?: { conditions?: { type: string; status: string }[] };
}

interface BudgetWire extends KubeObject {
  metadata: KubeObject['metadata'] & { generation?: number };
  status?: { disruptionsAllowed?: number; observedGeneration?: number };
}

/** The worst moments seen for one DaemonSet and its PodDisruptionBudget (named like the DaemonSet). */
export interface AvailabilityExtremes {
  readonly mostUnavailable: number;
  readonly fewestReady: number;
  readonly fewestDisruptionsAllowed: number;
}

const isReady = (pod: PodWire): boolean =>
  pod.metadata.deletionTimestamp === undefined &&
  pod.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') === true;

/** Samples the simulator's store every few milliseconds; `stop` returns the extremes per DaemonSet. */
export function sampleAvailability(
  store: ClusterStore,
  apps: readonly string[],
  desired: number,
): { stop(): Map<string, AvailabilityExtremes> } {
  const extremes = new Map<string, AvailabilityExtremes>(
    apps.map((app) => [
      app,
      { mostUnavailable: 0, fewestReady: desired, fewestDisruptionsAllowed: Number.POSITIVE_INFINITY },
    ]),
  );
  const sample = () => {
    for (const app of apps) {
      const pods = store.list('pods', { namespace: 'default', labelSelector: `app=${app}` }).items as PodWire[];
      const ready = pods.filter(isReady).length;
      const budget = store.get('poddisruptionbudgets', 'default', app) as BudgetWire | undefined;
      const current = budget?.status?.observedGeneration === budget?.metadata.generation;
      const allowed = current ? (budget?.status?.disruptionsAllowed ?? 0) : Number.POSITIVE_INFINITY;
      const worst = extremes.get(app)!;
      extremes.set(app, {
        mostUnavailable: Math.max(worst.mostUnavailable, desired - ready),
        fewestReady: Math.min(worst.fewestReady, ready),
        fewestDisruptionsAllowed: Math.min(worst.fewestDisruptionsAllowed, allowed),
      });
    }
  };
  const timer = setInterval(sample, 5);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return extremes;
    },
  };
}

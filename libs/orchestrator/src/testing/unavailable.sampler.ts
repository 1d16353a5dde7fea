import type { ClusterStore, KubeObject } from '#rollcall/kube-sim';

const ready = (pod: KubeObject): boolean => {
  const status = pod.status as { conditions?: { type: string; status: string }[] } | undefined;
  return (
    pod.metadata.deletionTimestamp === undefined &&
    status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') === true
  );
};

/** Samples the simulator's store every few milliseconds; `stop` returns the most pods ever unavailable at once. */
export function unavailableSampler(store: ClusterStore, app: string, desired: number): { stop(): number } {
  let worst = 0;
  const sample = () => {
    const pods = store.list('pods', { namespace: 'default', labelSelector: `app=${app}` }).items;
    worst = Math.max(worst, desired - pods.filter(ready).length);
  };
  const timer = setInterval(sample, 5);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return worst;
    },
  };
}

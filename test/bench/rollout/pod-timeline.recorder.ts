import { REVISION_HASH_LABEL } from '#rollcall/domain';
import type { ClusterStore, KubeObject } from '#rollcall/kube-sim';

interface PodWire extends KubeObject {
  status?: { conditions?: { type: string; status: string }[] };
}

/** When, seen from the simulator's store, replacement pods turned Ready and old pods were evicted. */
export interface PodTimeline {
  readonly readyAt: number[];
  readonly evictedAt: number[];
  stop(): void;
}

const isReady = (pod: PodWire): boolean =>
  pod.metadata.deletionTimestamp === undefined &&
  pod.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') === true;

/**
 * Records, with the store's own synchronous change callbacks, each pod off `oldHash` that starts
 * going away (eviction) and each pod on another revision that turns Ready.
 */
export function recordPodTimeline(store: ClusterStore, app: string, oldHash: string): PodTimeline {
  const readyAt: number[] = [];
  const evictedAt: number[] = [];
  const readyPods = new Set<string>();
  const leaving = new Set<string>();
  const stop = store.watch(
    'pods',
    { namespace: 'default', labelSelector: `app=${app}`, sinceResourceVersion: store.currentResourceVersion() },
    (event) => {
      const pod = event.object as PodWire;
      const uid = pod.metadata.uid ?? '';
      const old = pod.metadata.labels?.[REVISION_HASH_LABEL] === oldHash;
      const going = event.type === 'DELETED' || pod.metadata.deletionTimestamp !== undefined;
      if (old && going && !leaving.has(uid)) {
        leaving.add(uid);
        evictedAt.push(performance.now());
      }
      if (!old && !going && isReady(pod) && !readyPods.has(uid)) {
        readyPods.add(uid);
        readyAt.push(performance.now());
      }
    },
  );
  return { readyAt, evictedAt, stop };
}

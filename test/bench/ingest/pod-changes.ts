import type { ClusterStore, KubeObject } from '#rollcall/kube-sim';

export interface PodRef {
  readonly namespace: string;
  readonly name: string;
  /** The daemonset_node_state key: namespace/daemonset/node. */
  readonly key: string;
}

export interface PodChange {
  readonly key: string;
  readonly resourceVersion: bigint;
  /** performance.now() when the store made the change (and the watch event left). */
  readonly at: number;
}

/** Every DaemonSet pod in the store with its projection key. */
export function daemonSetPods(store: ClusterStore): PodRef[] {
  return store.list('pods').items.flatMap((pod: KubeObject) => {
    const owner = pod.metadata.ownerReferences?.find((reference) => reference.kind === 'DaemonSet')?.name;
    const node = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
    if (owner === undefined || node === undefined) return [];
    const namespace = pod.metadata.namespace ?? '';
    return [{ namespace, name: pod.metadata.name ?? '', key: `${namespace}/${owner}/${node}` }];
  });
}

/** One pod change as the API server would make it: a label moves, the resourceVersion with it. */
export function changePod(store: ClusterStore, pod: PodRef, round: number): PodChange {
  const changed = store.mutate('pods', pod.namespace, pod.name, (current) => ({
    ...current,
    metadata: { ...current.metadata, labels: { ...current.metadata.labels, 'bench-round': String(round) } },
  }));
  return { key: pod.key, resourceVersion: BigInt(changed.metadata.resourceVersion ?? '0'), at: performance.now() };
}

/** Changes every pod once, `chunk` at a time with the event loop free in between (the watch streams must flow). */
export async function changeAllPods(store: ClusterStore, pods: readonly PodRef[], round: number, chunk = 250) {
  for (let index = 0; index < pods.length; index += chunk) {
    for (const pod of pods.slice(index, index + chunk)) changePod(store, pod, round);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Changes pods round-robin at `perSecond` for `durationMs`, calling `onChange` for each. */
export async function changePodsSteadily(
  store: ClusterStore,
  pods: readonly PodRef[],
  perSecond: number,
  durationMs: number,
  onChange: (change: PodChange) => void,
): Promise<number> {
  const started = performance.now();
  let issued = 0;
  for (let elapsed = 0; elapsed < durationMs; elapsed = performance.now() - started) {
    const due = Math.floor((elapsed / 1000) * perSecond);
    for (; issued < due; issued++) onChange(changePod(store, pods[issued % pods.length], 1_000 + issued));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return issued;
}

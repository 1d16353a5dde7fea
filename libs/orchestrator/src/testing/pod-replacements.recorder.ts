import type { V1Pod } from '@kubernetes/client-node';
import { podNodeOf } from '#rollcall/domain';
import type { ClusterStore } from '#rollcall/kube-sim';

export interface PodReplacements {
  /** Per node, how many pods were created and deleted since the recording began. */
  readonly created: Map<string, number>;
  readonly deleted: Map<string, number>;
  stop(): void;
}

/** Counts, per node, the pods of one DaemonSet created and deleted from now on, through the simulator's store watch. */
export function podReplacements(store: ClusterStore, app: string): PodReplacements {
  const created = new Map<string, number>();
  const deleted = new Map<string, number>();
  const bump = (counts: Map<string, number>, node: string) => counts.set(node, (counts.get(node) ?? 0) + 1);
  const stop = store.watch(
    'pods',
    { namespace: 'default', labelSelector: `app=${app}`, sinceResourceVersion: store.currentResourceVersion() },
    (event) => {
      const node = podNodeOf(event.object as unknown as V1Pod) ?? `unplaced/${event.object.metadata.name}`;
      if (event.type === 'ADDED') bump(created, node);
      if (event.type === 'DELETED') bump(deleted, node);
    },
  );
  return { created, deleted, stop };
}

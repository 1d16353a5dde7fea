import type { V1Pod } from '@kubernetes/client-node';
import { podNodeOf } from '#rollcall/domain';
import type { ClusterStore } from '#rollcall/kube-sim';

/** Counts, per node, the pods created and deleted from now on (the uids each node went through). */
export function podReplacements(store: ClusterStore, app: string) {
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

import type { ClusterStore, KubeObject, ResourceName } from '../../store/cluster-store.port.js';
import type { ControllerRevisionWire, DaemonSetWire, NodeWire, PdbWire, PodWire } from '../kube-wire.types.js';
import { ObjectIndex } from './object-index.js';

/** The uid of the object's controlling owner (its `controller: true` owner reference), if any. */
export const controllerUid = (object: KubeObject): string | undefined =>
  object.metadata.ownerReferences?.find((owner) => owner.controller === true)?.uid;
const nodeNameOf = (pod: PodWire): string | undefined => pod.spec?.nodeName || undefined;

/**
 * The controllers' shared informer: one list+watch per resource into indexed maps. The store
 * delivers watch events synchronously, so a controller's own write is visible here when it returns.
 */
export class ClusterCache {
  readonly nodes = new ObjectIndex<NodeWire>();
  readonly daemonSets = new ObjectIndex<DaemonSetWire>();
  readonly revisions = new ObjectIndex<ControllerRevisionWire>({ byOwner: controllerUid });
  readonly pdbs = new ObjectIndex<PdbWire>({ byNamespace: true });
  readonly pods = new ObjectIndex<PodWire>({ byOwner: controllerUid, byNode: nodeNameOf, byNamespace: true });
  private readonly stops: (() => void)[] = [];

  constructor(private readonly store: ClusterStore) {}

  start(): void {
    this.follow('nodes', this.nodes);
    this.follow('daemonsets', this.daemonSets);
    this.follow('controllerrevisions', this.revisions);
    this.follow('poddisruptionbudgets', this.pdbs);
    this.follow('pods', this.pods);
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private follow<T extends KubeObject>(resource: ResourceName, index: ObjectIndex<T>): void {
    const listed = this.store.list(resource);
    for (const item of listed.items) index.apply('ADDED', item as T);
    const stop = this.store.watch(resource, { sinceResourceVersion: listed.resourceVersion }, (event) => {
      // The controllers only read cached objects (writes go through the store), so the stored
      // version is shared instead of parsed into a copy per change.
      if (event.type !== 'BOOKMARK') index.apply(event.type, (event.sharedObject ?? event.object) as T);
    });
    this.stops.push(stop);
  }
}

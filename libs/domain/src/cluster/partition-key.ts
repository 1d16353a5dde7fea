import type { ClusterEvent, ObjectObservation } from './cluster.events.js';

/**
 * Node and Pod observations are keyed by node name so everything about one node stays in order;
 * a pod with neither a bound nor a pinned node (not a DaemonSet pod in practice) falls back to
 * `namespace/name`. DaemonSet, revision and PDB observations are keyed by `namespace/name`.
 */
export const observationKeyOf = (event: ObjectObservation): string => {
  switch (event.type) {
    case 'NodeObserved':
    case 'NodeDeleted':
      return event.data.name;
    case 'PodObserved':
    case 'PodDeleted':
      return event.data.nodeName ?? `${event.data.namespace}/${event.data.name}`;
    default:
      return `${event.data.namespace}/${event.data.name}`;
  }
};

/** Start and completion markers of one kind share a key so they stay in order with each other. */
export const resyncKeyOf = (kind: string): string => `resync/${kind}`;

export const partitionKeyOf = (event: ClusterEvent): string => {
  switch (event.type) {
    case 'ResyncStarted':
    case 'ResyncCompleted':
      return resyncKeyOf(event.data.kind);
    case 'ResyncPartitionSeen':
      return event.data.partitionKey;
    default:
      return observationKeyOf(event);
  }
};

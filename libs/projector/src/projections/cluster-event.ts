import type { ClusterEvent, ClusterEventType, Envelope, ResyncMarker } from '#rollcall/domain';

const clusterEventTypes: ReadonlySet<string> = new Set<ClusterEventType>([
  'NodeObserved',
  'NodeDeleted',
  'DaemonSetObserved',
  'DaemonSetDeleted',
  'ControllerRevisionObserved',
  'ControllerRevisionDeleted',
  'PodObserved',
  'PodDeleted',
  'PdbObserved',
  'PdbDeleted',
  'ResyncStarted',
  'ResyncPartitionSeen',
  'ResyncCompleted',
]);

/** The watcher's events by type; payloads are trusted as published (the producer validated the envelope). */
export function isClusterEvent(envelope: Envelope): envelope is ClusterEvent {
  return clusterEventTypes.has(envelope.type);
}

export function isResyncMarker(event: ClusterEvent): event is ResyncMarker {
  return event.type === 'ResyncStarted' || event.type === 'ResyncPartitionSeen' || event.type === 'ResyncCompleted';
}

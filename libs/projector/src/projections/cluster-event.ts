import { isClusterEventType, type ClusterEvent, type Envelope, type ResyncMarker } from '#rollcall/domain';

/**
 * The watcher's events by type. Their payloads are trusted here because the projector's subscription
 * validates them (projectable-envelope.ts) and dead-letters those that do not fit.
 */
export function isClusterEvent(envelope: Envelope): envelope is ClusterEvent {
  return isClusterEventType(envelope.type);
}

export function isResyncMarker(event: ClusterEvent): event is ResyncMarker {
  return event.type === 'ResyncStarted' || event.type === 'ResyncPartitionSeen' || event.type === 'ResyncCompleted';
}

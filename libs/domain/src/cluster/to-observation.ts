import type { V1ControllerRevision, V1DaemonSet, V1Node, V1Pod, V1PodDisruptionBudget } from '@kubernetes/client-node';
import type { Envelope } from '../envelope.js';
import type { ObjectIdentity, ObjectObservation } from './cluster.events.js';
import {
  CLUSTER_SCHEMA_VERSION,
  toIsoTime,
  type ClusterResourceKind,
  type ObservedChange,
} from './cluster-resource.js';
import { controllerRevisionDataOf } from './controller-revision.observation.js';
import { daemonSetDataOf } from './daemon-set.observation.js';
import { nodeDataOf } from './node.observation.js';
import { observationId } from './observation-id.js';
import { pdbDataOf } from './pdb.observation.js';
import { podDataOf } from './pod.observation.js';

/** The client-node type of each observed kind. */
export interface KubeObjectOf {
  Node: V1Node;
  DaemonSet: V1DaemonSet;
  ControllerRevision: V1ControllerRevision;
  Pod: V1Pod;
  PodDisruptionBudget: V1PodDisruptionBudget;
}

export type KubeObject = KubeObjectOf[ClusterResourceKind];

const envelopeOf = <TType extends ObjectObservation['type'], TData extends ObjectIdentity>(
  kind: ClusterResourceKind,
  type: TType,
  data: TData,
  occurredAt: string,
  observedAt: string,
  correlationId: string,
): Envelope<TType, TData> => ({
  id: observationId(kind, data.uid, data.resourceVersion, data.change === 'DELETED' ? 'deleted' : 'present'),
  type,
  schemaVersion: CLUSTER_SCHEMA_VERSION,
  occurredAt,
  observedAt,
  correlationId,
  causationId: null,
  actor: null,
  data,
});

/** Maps one watched or listed Kubernetes object to its typed observation, stripped of noise. */
export function toObservation<K extends ClusterResourceKind>(
  kind: K,
  change: ObservedChange,
  object: KubeObjectOf[K],
  observedAt: string,
  correlationId: string,
): ObjectObservation {
  const deleted = change === 'DELETED';
  // A watch carries no event time; a deletion's own timestamp is the closest fact we have.
  const occurredAt = deleted ? (toIsoTime(object.metadata?.deletionTimestamp) ?? observedAt) : observedAt;
  const build = <TType extends ObjectObservation['type'], TData extends ObjectIdentity>(type: TType, data: TData) =>
    envelopeOf(kind, type, data, occurredAt, observedAt, correlationId);
  switch (kind) {
    case 'Node':
      return build(deleted ? 'NodeDeleted' : 'NodeObserved', nodeDataOf(object as V1Node, change));
    case 'DaemonSet':
      return build(deleted ? 'DaemonSetDeleted' : 'DaemonSetObserved', daemonSetDataOf(object as V1DaemonSet, change));
    case 'ControllerRevision':
      return build(
        deleted ? 'ControllerRevisionDeleted' : 'ControllerRevisionObserved',
        controllerRevisionDataOf(object as V1ControllerRevision, change),
      );
    case 'Pod':
      return build(deleted ? 'PodDeleted' : 'PodObserved', podDataOf(object as V1Pod, change));
    case 'PodDisruptionBudget':
      return build(deleted ? 'PdbDeleted' : 'PdbObserved', pdbDataOf(object as V1PodDisruptionBudget, change));
    default: {
      const unknownKind: never = kind;
      throw new Error(`unknown cluster resource kind ${String(unknownKind)}`);
    }
  }
}

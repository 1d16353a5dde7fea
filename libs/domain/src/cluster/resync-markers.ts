import type { ObjectObservation, ResyncCompleted, ResyncPartitionSeen, ResyncStarted } from './cluster.events.js';
import { CLUSTER_SCHEMA_VERSION, type ClusterResourceKind, type ResyncReason } from './cluster-resource.js';
import { resyncMarkerId } from './observation-id.js';
import { observationKeyOf } from './partition-key.js';

export interface ResyncContext {
  readonly kind: ClusterResourceKind;
  readonly relistId: string;
  readonly reason: ResyncReason;
  readonly observedAt: string;
  readonly correlationId: string;
}

const header = (type: string, context: ResyncContext, partitionKey?: string) => ({
  id: resyncMarkerId(type, context.kind, context.relistId, partitionKey),
  schemaVersion: CLUSTER_SCHEMA_VERSION,
  occurredAt: context.observedAt,
  observedAt: context.observedAt,
  correlationId: context.correlationId,
  causationId: null,
  actor: null,
});

export const resyncStarted = (context: ResyncContext): ResyncStarted => ({
  ...header('ResyncStarted', context),
  type: 'ResyncStarted',
  data: { kind: context.kind, relistId: context.relistId, reason: context.reason },
});

/**
 * What one relist saw, uids grouped by partition key. Holding uids only keeps it small: about
 * 50 bytes a pod, under 1 MB at 15,000 pods, and each marker carries only one key's uids.
 */
export class RelistTally {
  private readonly uidsByKey = new Map<string, string[]>();
  private seen = 0;

  record(observation: ObjectObservation): void {
    const key = observationKeyOf(observation);
    const uids = this.uidsByKey.get(key) ?? [];
    uids.push(observation.data.uid);
    this.uidsByKey.set(key, uids);
    this.seen++;
  }

  get count(): number {
    return this.seen;
  }

  /** One ResyncPartitionSeen per key seen (sorted for determinism), then the ResyncCompleted. */
  closingMarkers(context: ResyncContext, resourceVersion: string): (ResyncPartitionSeen | ResyncCompleted)[] {
    const keys = [...this.uidsByKey.keys()].sort();
    const perKey: ResyncPartitionSeen[] = keys.map((partitionKey) => ({
      ...header('ResyncPartitionSeen', context, partitionKey),
      type: 'ResyncPartitionSeen',
      data: {
        kind: context.kind,
        relistId: context.relistId,
        partitionKey,
        uids: [...(this.uidsByKey.get(partitionKey) ?? [])].sort(),
      },
    }));
    const completed: ResyncCompleted = {
      ...header('ResyncCompleted', context),
      type: 'ResyncCompleted',
      data: {
        kind: context.kind,
        relistId: context.relistId,
        reason: context.reason,
        resourceVersion,
        count: this.seen,
        partitionKeys: keys,
      },
    };
    return [...perKey, completed];
  }
}

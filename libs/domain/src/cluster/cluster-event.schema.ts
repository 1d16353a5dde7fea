import { z } from 'zod';
import type { Envelope } from '../envelope.js';
import type { ClusterEvent, ClusterEventType } from './cluster.events.js';
import { CLUSTER_RESOURCE_KINDS } from './cluster-resource.js';
import { dataProblemOf } from './data-problem.js';

// Every field the watcher sends is present, with null where it has no value (see *.observation.ts);
// strings may be empty (identityOf defaults a missing uid to ''). Counts land in integer columns.
const count = z.int32();
const text = z.string();
const nullableText = z.string().nullable();
const intOrString = z.union([z.int32(), z.string()]).nullable();
const stringMap = z.record(z.string(), z.string());

const identity = {
  uid: text,
  name: text,
  resourceVersion: text,
  change: z.enum(['ADDED', 'MODIFIED', 'DELETED', 'RELISTED']),
};
const namespacedIdentity = { ...identity, namespace: text };

const containerImage = { name: text, image: text };
const owner = z.object({ name: text, uid: text }).nullable();
const selector = z.object({
  matchLabels: stringMap,
  matchExpressions: z.array(z.object({ key: text, operator: text, values: z.array(text) })),
});

const nodeData = z.object({
  ...identity,
  labels: stringMap,
  taints: z.array(z.object({ key: text, value: nullableText, effect: text })),
  ready: z.boolean(),
  unschedulable: z.boolean(),
  kubeletVersion: nullableText,
});

const daemonSetData = z.object({
  ...namespacedIdentity,
  generation: z.int(),
  observedGeneration: z.int().nullable(),
  updateStrategy: z.object({ type: text, maxUnavailable: intOrString, maxSurge: intOrString }),
  selector,
  containers: z.array(z.object(containerImage)),
  status: z.object({
    desiredNumberScheduled: count,
    currentNumberScheduled: count,
    updatedNumberScheduled: count,
    numberReady: count,
    numberAvailable: count,
    numberUnavailable: count,
    numberMisscheduled: count,
  }),
  templateGeneration: nullableText,
  changeCause: nullableText,
});

const controllerRevisionData = z.object({
  ...namespacedIdentity,
  owner,
  revision: z.int(),
  hash: nullableText,
  containers: z.array(z.object(containerImage)),
});

const podData = z.object({
  ...namespacedIdentity,
  nodeName: nullableText,
  owner,
  revisionHash: nullableText,
  templateGeneration: nullableText,
  containers: z.array(
    z.object({
      ...containerImage,
      imageID: nullableText,
      ready: z.boolean(),
      restartCount: count,
      waitingReason: nullableText,
    }),
  ),
  phase: nullableText,
  ready: z.boolean(),
  restartCount: count,
  waitingReason: nullableText,
  startTime: nullableText,
  deletionTimestamp: nullableText,
});

const pdbData = z.object({
  ...namespacedIdentity,
  generation: z.int(),
  observedGeneration: z.int().nullable(),
  selector,
  minAvailable: intOrString,
  maxUnavailable: intOrString,
  unhealthyPodEvictionPolicy: nullableText,
  status: z.object({ disruptionsAllowed: count, currentHealthy: count, desiredHealthy: count, expectedPods: count }),
});

const kind = z.enum(CLUSTER_RESOURCE_KINDS);
const resyncReason = z.enum(['Start', 'Gone', 'Reconnect']);
const resyncStartedData = z.object({ kind, relistId: text, reason: resyncReason });
const resyncPartitionSeenData = z.object({ kind, relistId: text, partitionKey: text, uids: z.array(text) });
const resyncCompletedData = z.object({
  kind,
  relistId: text,
  reason: resyncReason,
  resourceVersion: text,
  count,
  partitionKeys: z.array(text),
});

type DataOf<T extends ClusterEventType> = Extract<ClusterEvent, { type: T }>['data'];

// `satisfies` keeps schemas and interfaces in step: every type needs a schema whose output fits its data.
const dataSchemas = {
  NodeObserved: nodeData,
  NodeDeleted: nodeData,
  DaemonSetObserved: daemonSetData,
  DaemonSetDeleted: daemonSetData,
  ControllerRevisionObserved: controllerRevisionData,
  ControllerRevisionDeleted: controllerRevisionData,
  PodObserved: podData,
  PodDeleted: podData,
  PdbObserved: pdbData,
  PdbDeleted: pdbData,
  ResyncStarted: resyncStartedData,
  ResyncPartitionSeen: resyncPartitionSeenData,
  ResyncCompleted: resyncCompletedData,
} satisfies { readonly [T in ClusterEventType]: z.ZodType<DataOf<T>> };

export const isClusterEventType = (type: string): type is ClusterEventType => Object.hasOwn(dataSchemas, type);

/** Why a cluster event's `data` does not fit its type, naming the fields; null when it fits or is not a cluster event. */
export function clusterEventDataProblem(envelope: Envelope): string | null {
  if (!isClusterEventType(envelope.type)) return null;
  return dataProblemOf(dataSchemas[envelope.type], envelope.data);
}

import type { Envelope } from '../envelope.js';
import type { ClusterResourceKind, ObservedChange, ResyncReason } from './cluster-resource.js';

/** What every observation payload starts with: which object, at which version, seen how. */
export interface ObjectIdentity {
  readonly uid: string;
  readonly name: string;
  readonly resourceVersion: string;
  readonly change: ObservedChange;
}

export interface NamespacedIdentity extends ObjectIdentity {
  readonly namespace: string;
}

export interface NodeTaint {
  readonly key: string;
  readonly value: string | null;
  readonly effect: string;
}

export interface NodeData extends ObjectIdentity {
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly NodeTaint[];
  readonly ready: boolean;
  readonly unschedulable: boolean;
  readonly kubeletVersion: string | null;
}

export interface ObservedContainerImage {
  readonly name: string;
  readonly image: string;
}

export interface LabelSelectorData {
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly matchExpressions: readonly { key: string; operator: string; values: readonly string[] }[];
}

export interface DaemonSetStatusCounts {
  readonly desiredNumberScheduled: number;
  readonly currentNumberScheduled: number;
  readonly updatedNumberScheduled: number;
  readonly numberReady: number;
  readonly numberAvailable: number;
  readonly numberUnavailable: number;
  readonly numberMisscheduled: number;
}

export interface DaemonSetData extends NamespacedIdentity {
  readonly generation: number;
  /** Status counts are trustworthy only when this is >= generation. */
  readonly observedGeneration: number | null;
  readonly updateStrategy: {
    readonly type: string;
    readonly maxUnavailable: number | string | null;
    readonly maxSurge: number | string | null;
  };
  readonly selector: LabelSelectorData;
  readonly containers: readonly ObservedContainerImage[];
  readonly status: DaemonSetStatusCounts;
  /** `deprecated.daemonset.template.generation`, compared with a pod's `pod-template-generation`. */
  readonly templateGeneration: string | null;
  /** `kubernetes.io/change-cause`, when kubectl recorded one. */
  readonly changeCause: string | null;
}

export interface OwnerDaemonSet {
  readonly name: string;
  readonly uid: string;
}

export interface ControllerRevisionData extends NamespacedIdentity {
  readonly owner: OwnerDaemonSet | null;
  readonly revision: number;
  readonly hash: string | null;
  readonly containers: readonly ObservedContainerImage[];
}

export interface PodContainerState extends ObservedContainerImage {
  readonly imageID: string | null;
  readonly ready: boolean;
  readonly restartCount: number;
  readonly waitingReason: string | null;
}

export interface PodData extends NamespacedIdentity {
  /** Bound node, or the node the DaemonSet's node affinity pins the pod to before binding. */
  readonly nodeName: string | null;
  readonly owner: OwnerDaemonSet | null;
  readonly revisionHash: string | null;
  readonly templateGeneration: string | null;
  readonly containers: readonly PodContainerState[];
  readonly phase: string | null;
  readonly ready: boolean;
  readonly restartCount: number;
  /** First waiting reason among the containers, e.g. CrashLoopBackOff or ImagePullBackOff. */
  readonly waitingReason: string | null;
  readonly startTime: string | null;
  readonly deletionTimestamp: string | null;
}

export interface PdbData extends NamespacedIdentity {
  readonly generation: number;
  /** Status is valid only when this equals generation. */
  readonly observedGeneration: number | null;
  readonly selector: LabelSelectorData;
  readonly minAvailable: number | string | null;
  readonly maxUnavailable: number | string | null;
  readonly unhealthyPodEvictionPolicy: string | null;
  readonly status: {
    readonly disruptionsAllowed: number;
    readonly currentHealthy: number;
    readonly desiredHealthy: number;
    readonly expectedPods: number;
  };
}

/** Opens a relist of one kind: everything of that kind observed before it may be stale (a WatchGap). */
export interface ResyncStartedData {
  readonly kind: ClusterResourceKind;
  readonly relistId: string;
  readonly reason: ResyncReason;
}

/**
 * The uids of one kind a relist saw under one partition key; published on that key after the
 * key's observations, so the projector can tombstone rows of that key whose uid is missing.
 */
export interface ResyncPartitionSeenData {
  readonly kind: ClusterResourceKind;
  readonly relistId: string;
  readonly partitionKey: string;
  readonly uids: readonly string[];
}

/**
 * Closes a relist: the partition keys it saw. Projector rule: a row of this kind disappeared unseen
 * (tombstone it, record a WatchGap) when its key is missing here, or its uid is missing from its
 * key's ResyncPartitionSeen, and it was last observed before the matching ResyncStarted (markers
 * and observations travel on different keys, so a newer row may arrive ahead of this marker).
 */
export interface ResyncCompletedData {
  readonly kind: ClusterResourceKind;
  readonly relistId: string;
  readonly reason: ResyncReason;
  readonly resourceVersion: string;
  readonly count: number;
  readonly partitionKeys: readonly string[];
}

export type NodeObserved = Envelope<'NodeObserved', NodeData>;
export type NodeDeleted = Envelope<'NodeDeleted', NodeData>;
export type DaemonSetObserved = Envelope<'DaemonSetObserved', DaemonSetData>;
export type DaemonSetDeleted = Envelope<'DaemonSetDeleted', DaemonSetData>;
export type ControllerRevisionObserved = Envelope<'ControllerRevisionObserved', ControllerRevisionData>;
export type ControllerRevisionDeleted = Envelope<'ControllerRevisionDeleted', ControllerRevisionData>;
export type PodObserved = Envelope<'PodObserved', PodData>;
export type PodDeleted = Envelope<'PodDeleted', PodData>;
export type PdbObserved = Envelope<'PdbObserved', PdbData>;
export type PdbDeleted = Envelope<'PdbDeleted', PdbData>;
export type ResyncStarted = Envelope<'ResyncStarted', ResyncStartedData>;
export type ResyncPartitionSeen = Envelope<'ResyncPartitionSeen', ResyncPartitionSeenData>;
export type ResyncCompleted = Envelope<'ResyncCompleted', ResyncCompletedData>;

export type ObjectObservation =
  | NodeObserved
  | NodeDeleted
  | DaemonSetObserved
  | DaemonSetDeleted
  | ControllerRevisionObserved
  | ControllerRevisionDeleted
  | PodObserved
  | PodDeleted
  | PdbObserved
  | PdbDeleted;

export type ResyncMarker = ResyncStarted | ResyncPartitionSeen | ResyncCompleted;

/** Everything the watcher publishes on CLUSTER_TOPIC. */
export type ClusterEvent = ObjectObservation | ResyncMarker;

export type ClusterEventType = ClusterEvent['type'];

/** The Kubernetes kinds the watcher observes. */
export type ClusterResourceKind = 'Node' | 'DaemonSet' | 'ControllerRevision' | 'Pod' | 'PodDisruptionBudget';

export const CLUSTER_RESOURCE_KINDS: readonly ClusterResourceKind[] = [
  'Node',
  'DaemonSet',
  'ControllerRevision',
  'Pod',
  'PodDisruptionBudget',
];

/** How the object reached us: a watch event, or an item of a (re)list. */
export type ObservedChange = 'ADDED' | 'MODIFIED' | 'DELETED' | 'RELISTED';

/** Why a relist happened: first start, an expired resourceVersion (410 Gone), or a reconnect that could not resume. */
export type ResyncReason = 'Start' | 'Gone' | 'Reconnect';

/** All cluster observations share one topic so Node and Pod events keyed by node name stay in order. */
export const CLUSTER_TOPIC = 'rollcall.cluster.v1';

export const CLUSTER_SCHEMA_VERSION = 1;

/** Timestamps arrive as Date from the typed client and as strings from a raw watch stream. */
export type KubeTime = Date | string | undefined | null;

export const toIsoTime = (value: KubeTime): string | null => {
  if (value === undefined || value === null) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

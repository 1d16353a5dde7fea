import type { PodContainerState } from '#rollcall/domain';

/** A row of `daemonset_node_overview`: one DaemonSet's pod on one node. */
export interface DaemonSetPodRow {
  readonly namespace: string;
  readonly daemonset: string;
  readonly node: string;
  readonly pod_name: string;
  readonly pod_uid: string;
  readonly revision_hash: string | null;
  readonly template_generation: string | null;
  readonly images: string[];
  readonly containers: PodContainerState[];
  readonly phase: string | null;
  readonly ready: boolean;
  readonly restarts: number;
  readonly waiting_reason: string | null;
  readonly revision_since: Date;
  readonly last_seen_at: Date;
  readonly up_to_date: boolean;
}

export interface DaemonSetPodView {
  readonly namespace: string;
  readonly daemonSet: string;
  readonly node: string;
  readonly pod: { readonly name: string; readonly uid: string };
  readonly revisionHash: string | null;
  readonly templateGeneration: string | null;
  readonly images: readonly string[];
  readonly containers: readonly PodContainerState[];
  readonly phase: string | null;
  readonly ready: boolean;
  readonly restarts: number;
  readonly waitingReason: string | null;
  /** When this pod was first seen on its current revision. */
  readonly since: string;
  readonly lastSeenAt: string;
  readonly upToDate: boolean;
}

export function toDaemonSetPodView(row: DaemonSetPodRow): DaemonSetPodView {
  return {
    namespace: row.namespace,
    daemonSet: row.daemonset,
    node: row.node,
    pod: { name: row.pod_name, uid: row.pod_uid },
    revisionHash: row.revision_hash,
    templateGeneration: row.template_generation,
    images: row.images,
    containers: row.containers,
    phase: row.phase,
    ready: row.ready,
    restarts: row.restarts,
    waitingReason: row.waiting_reason,
    since: row.revision_since.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    upToDate: row.up_to_date,
  };
}

/** The columns of `daemonset_node_overview` that a DaemonSetPodRow holds. */
export const DAEMONSET_POD_COLUMNS =
  'namespace, daemonset, node, pod_name, pod_uid, revision_hash, template_generation, images, containers, phase, ' +
  'ready, restarts, waiting_reason, revision_since, last_seen_at, up_to_date';

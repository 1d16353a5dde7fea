import type { NodeTaint } from '#rollcall/domain';
import type { DaemonSetPodView } from '../daemonsets/daemonset-pod.view.js';

export interface NodeRow {
  readonly name: string;
  readonly uid: string;
  readonly labels: Record<string, string>;
  readonly taints: NodeTaint[];
  readonly ready: boolean;
  readonly schedulable: boolean;
  readonly kubelet_version: string | null;
  readonly last_seen_at: Date;
  readonly deleted_at: Date | null;
}

/** A node as listed: its current projection, without what runs on it. */
export interface NodeView {
  readonly name: string;
  readonly uid: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly NodeTaint[];
  readonly ready: boolean;
  readonly schedulable: boolean;
  readonly kubeletVersion: string | null;
  readonly lastSeenAt: string;
  readonly deletedAt: string | null;
}

/** One node in full: since when Rollcall has known it, and the DaemonSet pods on it now. */
export interface NodeDetailView extends NodeView {
  readonly since: string | null;
  readonly daemonSetPods: readonly DaemonSetPodView[];
}

export function toNodeView(row: NodeRow): NodeView {
  return {
    name: row.name,
    uid: row.uid,
    labels: row.labels,
    taints: row.taints,
    ready: row.ready,
    schedulable: row.schedulable,
    kubeletVersion: row.kubelet_version,
    lastSeenAt: row.last_seen_at.toISOString(),
    deletedAt: row.deleted_at?.toISOString() ?? null,
  };
}

export function toNodeDetailView(
  row: NodeRow,
  since: Date | null,
  daemonSetPods: readonly DaemonSetPodView[],
): NodeDetailView {
  return { ...toNodeView(row), since: since?.toISOString() ?? null, daemonSetPods };
}

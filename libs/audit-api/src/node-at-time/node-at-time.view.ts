import type { NodeTaint } from '#rollcall/domain';
import type { NodeAtTimeRow, PodAtTimeRow } from './node-at-time.repository.js';

export interface NodeStateAtTime {
  /** False when the node's last observation before the time was its deletion. */
  readonly present: boolean;
  readonly observedAt: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly NodeTaint[];
  readonly ready: boolean;
  readonly schedulable: boolean;
  readonly kubeletVersion: string | null;
}

export interface PodAtTime {
  readonly namespace: string;
  readonly daemonSet: string | null;
  readonly pod: { readonly name: string; readonly uid: string };
  readonly revisionHash: string | null;
  readonly templateGeneration: string | null;
  readonly images: readonly string[];
  readonly phase: string | null;
  readonly ready: boolean;
  readonly restarts: number;
  /** When the pod was first seen on this revision. */
  readonly since: string;
  /** The observation the answer rests on: the pod's latest before the time. */
  readonly observedAt: string;
}

export interface NodeAtTimeView {
  readonly node: string;
  readonly at: string;
  readonly nodeState: NodeStateAtTime | null;
  readonly daemonSetPods: readonly PodAtTime[];
}

export function toNodeStateAtTime(row: NodeAtTimeRow): NodeStateAtTime {
  const { data } = row;
  return {
    present: row.type === 'NodeObserved',
    observedAt: row.occurred_at.toISOString(),
    labels: data.labels,
    taints: data.taints,
    ready: data.ready,
    schedulable: !data.unschedulable,
    kubeletVersion: data.kubeletVersion,
  };
}

export function toPodAtTime(row: PodAtTimeRow): PodAtTime {
  const { data } = row;
  return {
    namespace: row.namespace,
    daemonSet: row.daemonset,
    pod: { name: data.name, uid: data.uid },
    revisionHash: data.revisionHash,
    templateGeneration: data.templateGeneration,
    images: data.containers.map((container) => container.image),
    phase: data.phase,
    ready: data.ready,
    restarts: data.restartCount,
    since: row.since.toISOString(),
    observedAt: row.occurred_at.toISOString(),
  };
}

export function toNodeAtTimeView(
  node: string,
  at: Date,
  nodeRow: NodeAtTimeRow | undefined,
  podRows: readonly PodAtTimeRow[],
): NodeAtTimeView {
  return {
    node,
    at: at.toISOString(),
    nodeState: nodeRow === undefined ? null : toNodeStateAtTime(nodeRow),
    daemonSetPods: podRows.map(toPodAtTime),
  };
}

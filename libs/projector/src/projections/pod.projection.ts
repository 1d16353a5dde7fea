import type { PodDeleted, PodObserved } from '#rollcall/domain';
import { OBSERVATION_COLUMNS, observedRow } from './observed-row.js';
import type { ProjectionTable } from './upsert-statement.js';
import type { ProjectedRow } from './upsert-waves.js';

const samePodAndRevision =
  't.pod_uid = excluded.pod_uid AND t.revision_hash IS NOT DISTINCT FROM excluded.revision_hash';

export const daemonsetNodeStateTable: ProjectionTable = {
  table: 'daemonset_node_state',
  kind: 'Pod',
  columns: {
    namespace: 'text',
    daemonset: 'text',
    node: 'text',
    pod_name: 'text',
    pod_uid: 'text',
    revision_hash: 'text',
    template_generation: 'text',
    images: 'text[]',
    containers: 'jsonb',
    phase: 'text',
    ready: 'boolean',
    restarts: 'integer',
    waiting_reason: 'text',
    revision_since: 'timestamptz',
    ...OBSERVATION_COLUMNS,
  },
  key: ['namespace', 'daemonset', 'node'],
  // During a surge two pods share a node: the deletion of the old one must not tombstone the new one.
  replaceWhen:
    '(excluded.resource_version > t.resource_version OR ' +
    '(excluded.deleted_at IS NOT NULL AND t.deleted_at IS NULL AND excluded.resource_version >= t.resource_version)) ' +
    'AND (excluded.deleted_at IS NULL OR excluded.pod_uid = t.pod_uid)',
  updateExpressions: {
    revision_since: `CASE WHEN ${samePodAndRevision} THEN least(t.revision_since, excluded.revision_since) ELSE excluded.revision_since END`,
  },
};

/** DaemonSet pods only: a pod with no owning DaemonSet or no node has no place in this table. */
export function projectPod(event: PodObserved | PodDeleted): ProjectedRow | null {
  const { data } = event;
  if (data.owner === null || data.nodeName === null) return null;
  const placement = {
    key: `${data.namespace}/${data.owner.name}/${data.nodeName}`,
    partitionKey: data.nodeName,
    deleted: event.type === 'PodDeleted',
  };
  return observedRow(event, placement, {
    namespace: data.namespace,
    daemonset: data.owner.name,
    node: data.nodeName,
    pod_name: data.name,
    pod_uid: data.uid,
    revision_hash: data.revisionHash,
    template_generation: data.templateGeneration,
    images: data.containers.map((container) => container.image),
    containers: data.containers,
    phase: data.phase,
    ready: data.ready,
    restarts: data.restartCount,
    waiting_reason: data.waitingReason,
    revision_since: event.observedAt,
  });
}

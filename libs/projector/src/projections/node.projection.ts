import type { NodeDeleted, NodeObserved } from '#rollcall/domain';
import { resourceVersionOf } from './resource-version.js';
import { NEWER_OR_DELETING, type ProjectionTable } from './upsert-statement.js';
import type { ProjectedRow } from './upsert-waves.js';

export const nodesTable: ProjectionTable = {
  table: 'nodes',
  kind: 'Node',
  columns: {
    name: 'text',
    uid: 'text',
    labels: 'jsonb',
    taints: 'jsonb',
    ready: 'boolean',
    schedulable: 'boolean',
    kubelet_version: 'text',
    resource_version: 'bigint',
    last_seen_at: 'timestamptz',
    deleted_at: 'timestamptz',
  },
  key: ['name'],
  replaceWhen: NEWER_OR_DELETING,
};

export function projectNode(event: NodeObserved | NodeDeleted): ProjectedRow | null {
  const { data } = event;
  const resourceVersion = resourceVersionOf(data.resourceVersion);
  if (resourceVersion === null) return null;
  const deleted = event.type === 'NodeDeleted';
  return {
    key: data.name,
    partitionKey: data.name,
    identity: data.uid,
    resourceVersion,
    deleted,
    row: {
      name: data.name,
      uid: data.uid,
      labels: data.labels,
      taints: data.taints,
      ready: data.ready,
      schedulable: !data.unschedulable,
      kubelet_version: data.kubeletVersion,
      resource_version: resourceVersion.toString(),
      last_seen_at: event.observedAt,
      deleted_at: deleted ? event.occurredAt : null,
    },
  };
}

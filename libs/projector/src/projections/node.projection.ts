import type { NodeDeleted, NodeObserved } from '#rollcall/domain';
import { OBSERVATION_COLUMNS, observedRow } from './observed-row.js';
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
    ...OBSERVATION_COLUMNS,
  },
  key: ['name'],
  replaceWhen: NEWER_OR_DELETING,
};

export function projectNode(event: NodeObserved | NodeDeleted): ProjectedRow | null {
  const { data } = event;
  const placement = { key: data.name, partitionKey: data.name, deleted: event.type === 'NodeDeleted' };
  return observedRow(event, placement, {
    name: data.name,
    uid: data.uid,
    labels: data.labels,
    taints: data.taints,
    ready: data.ready,
    schedulable: !data.unschedulable,
    kubelet_version: data.kubeletVersion,
  });
}

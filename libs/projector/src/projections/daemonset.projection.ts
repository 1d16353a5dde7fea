import type { DaemonSetDeleted, DaemonSetObserved } from '#rollcall/domain';
import { OBSERVATION_COLUMNS, observedRow } from './observed-row.js';
import { NEWER_OR_DELETING, type ProjectionTable } from './upsert-statement.js';
import type { ProjectedRow } from './upsert-waves.js';

export const daemonsetsTable: ProjectionTable = {
  table: 'daemonsets',
  kind: 'DaemonSet',
  columns: {
    namespace: 'text',
    name: 'text',
    uid: 'text',
    generation: 'bigint',
    observed_generation: 'bigint',
    update_strategy: 'jsonb',
    selector: 'jsonb',
    containers: 'jsonb',
    images: 'text[]',
    template_generation: 'text',
    change_cause: 'text',
    status: 'jsonb',
    ...OBSERVATION_COLUMNS,
  },
  key: ['namespace', 'name'],
  replaceWhen: NEWER_OR_DELETING,
};

export function projectDaemonSet(event: DaemonSetObserved | DaemonSetDeleted): ProjectedRow | null {
  const { data } = event;
  const key = `${data.namespace}/${data.name}`;
  const placement = { key, partitionKey: key, deleted: event.type === 'DaemonSetDeleted' };
  return observedRow(event, placement, {
    namespace: data.namespace,
    name: data.name,
    uid: data.uid,
    generation: data.generation,
    observed_generation: data.observedGeneration,
    update_strategy: data.updateStrategy,
    selector: data.selector,
    containers: data.containers,
    images: data.containers.map((container) => container.image),
    template_generation: data.templateGeneration,
    change_cause: data.changeCause,
    status: data.status,
  });
}

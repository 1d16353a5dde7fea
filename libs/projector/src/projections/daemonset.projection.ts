import type { DaemonSetDeleted, DaemonSetObserved } from '#rollcall/domain';
import { resourceVersionOf } from './resource-version.js';
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
    resource_version: 'bigint',
    last_seen_at: 'timestamptz',
    deleted_at: 'timestamptz',
  },
  key: ['namespace', 'name'],
  replaceWhen: NEWER_OR_DELETING,
};

export function projectDaemonSet(event: DaemonSetObserved | DaemonSetDeleted): ProjectedRow | null {
  const { data } = event;
  const resourceVersion = resourceVersionOf(data.resourceVersion);
  if (resourceVersion === null) return null;
  const deleted = event.type === 'DaemonSetDeleted';
  return {
    key: `${data.namespace}/${data.name}`,
    partitionKey: `${data.namespace}/${data.name}`,
    identity: data.uid,
    resourceVersion,
    deleted,
    row: {
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
      resource_version: resourceVersion.toString(),
      last_seen_at: event.observedAt,
      deleted_at: deleted ? event.occurredAt : null,
    },
  };
}

import type { ControllerRevisionDeleted, ControllerRevisionObserved } from '#rollcall/domain';
import { resourceVersionOf } from './resource-version.js';
import { NEWER_OR_DELETING, type ProjectionTable } from './upsert-statement.js';
import type { ProjectedRow } from './upsert-waves.js';

export const controllerRevisionsTable: ProjectionTable = {
  table: 'controller_revisions',
  kind: 'ControllerRevision',
  columns: {
    namespace: 'text',
    name: 'text',
    uid: 'text',
    owner_name: 'text',
    owner_uid: 'text',
    revision: 'bigint',
    hash: 'text',
    containers: 'jsonb',
    resource_version: 'bigint',
    last_seen_at: 'timestamptz',
    deleted_at: 'timestamptz',
  },
  key: ['namespace', 'name'],
  replaceWhen: NEWER_OR_DELETING,
};

export function projectControllerRevision(
  event: ControllerRevisionObserved | ControllerRevisionDeleted,
): ProjectedRow | null {
  const { data } = event;
  const resourceVersion = resourceVersionOf(data.resourceVersion);
  if (resourceVersion === null) return null;
  const deleted = event.type === 'ControllerRevisionDeleted';
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
      owner_name: data.owner?.name ?? null,
      owner_uid: data.owner?.uid ?? null,
      revision: data.revision,
      hash: data.hash,
      containers: data.containers,
      resource_version: resourceVersion.toString(),
      last_seen_at: event.observedAt,
      deleted_at: deleted ? event.occurredAt : null,
    },
  };
}

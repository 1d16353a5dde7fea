import type { ControllerRevisionDeleted, ControllerRevisionObserved } from '#rollcall/domain';
import { OBSERVATION_COLUMNS, observedRow } from './observed-row.js';
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
    ...OBSERVATION_COLUMNS,
  },
  key: ['namespace', 'name'],
  replaceWhen: NEWER_OR_DELETING,
};

export function projectControllerRevision(
  event: ControllerRevisionObserved | ControllerRevisionDeleted,
): ProjectedRow | null {
  const { data } = event;
  const key = `${data.namespace}/${data.name}`;
  const placement = { key, partitionKey: key, deleted: event.type === 'ControllerRevisionDeleted' };
  return observedRow(event, placement, {
    namespace: data.namespace,
    name: data.name,
    uid: data.uid,
    owner_name: data.owner?.name ?? null,
    owner_uid: data.owner?.uid ?? null,
    revision: data.revision,
    hash: data.hash,
    containers: data.containers,
  });
}

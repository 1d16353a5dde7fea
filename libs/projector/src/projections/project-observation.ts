import type { ObjectObservation } from '#rollcall/domain';
import { projectControllerRevision, controllerRevisionsTable } from './controller-revision.projection.js';
import { daemonsetsTable, projectDaemonSet } from './daemonset.projection.js';
import { nodesTable, projectNode } from './node.projection.js';
import { pdbsTable, projectPdb } from './pdb.projection.js';
import { daemonsetNodeStateTable, projectPod } from './pod.projection.js';
import type { ProjectionTable } from './upsert-statement.js';
import type { ProjectedRow } from './upsert-waves.js';

/** The table an observation lands in and its row there, or null when it has no place in any table. */
export function projectObservation(event: ObjectObservation): { table: ProjectionTable; row: ProjectedRow } | null {
  const placed = (table: ProjectionTable, row: ProjectedRow | null) => (row === null ? null : { table, row });
  switch (event.type) {
    case 'NodeObserved':
    case 'NodeDeleted':
      return placed(nodesTable, projectNode(event));
    case 'DaemonSetObserved':
    case 'DaemonSetDeleted':
      return placed(daemonsetsTable, projectDaemonSet(event));
    case 'ControllerRevisionObserved':
    case 'ControllerRevisionDeleted':
      return placed(controllerRevisionsTable, projectControllerRevision(event));
    case 'PodObserved':
    case 'PodDeleted':
      return placed(daemonsetNodeStateTable, projectPod(event));
    case 'PdbObserved':
    case 'PdbDeleted':
      return placed(pdbsTable, projectPdb(event));
    default: {
      const unknownType: never = event;
      throw new Error(`unknown observation ${(unknownType as ObjectObservation).type}`);
    }
  }
}

export const PROJECTION_TABLES: readonly ProjectionTable[] = [
  nodesTable,
  daemonsetsTable,
  controllerRevisionsTable,
  daemonsetNodeStateTable,
  pdbsTable,
];

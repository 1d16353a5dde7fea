import {
  CLUSTER_RESOURCE_KINDS,
  type ClusterResourceKind,
  type Envelope,
  type ObjectObservation,
} from '#rollcall/domain';
import type { PoolClient } from 'pg';
import { isClusterEvent, isResyncMarker } from './cluster-event.js';

type LockMode = 'shared' | 'exclusive';

/** Per schema, so projectors of separate schemas on one server never wait for each other. */
const lockKeySql = (kindParameter: string) =>
  `hashtextextended(current_schema() || '/resync-completion/' || ${kindParameter}::text, 0)`;

const observedKind: Record<ObjectObservation['type'], ClusterResourceKind> = {
  NodeObserved: 'Node',
  NodeDeleted: 'Node',
  DaemonSetObserved: 'DaemonSet',
  DaemonSetDeleted: 'DaemonSet',
  ControllerRevisionObserved: 'ControllerRevision',
  ControllerRevisionDeleted: 'ControllerRevision',
  PodObserved: 'Pod',
  PodDeleted: 'Pod',
  PdbObserved: 'PodDisruptionBudget',
  PdbDeleted: 'PodDisruptionBudget',
};

/**
 * A completion and the observations it judges travel on different partitions and commit in
 * concurrent READ COMMITTED transactions, where each would miss the other's uncommitted write
 * (write skew: the object is neither tombstoned by the completion nor as a late arrival). So an
 * upsert of a kind holds that kind's lock shared and a completion holds it exclusive until commit:
 * whichever commits second sees the first's write.
 */
export function resyncLockModes(events: readonly Envelope[]): Map<ClusterResourceKind, LockMode> {
  const modes = new Map<ClusterResourceKind, LockMode>();
  for (const event of events) {
    if (!isClusterEvent(event)) continue;
    if (event.type === 'ResyncCompleted') modes.set(event.data.kind, 'exclusive');
    else if (!isResyncMarker(event) && !modes.has(observedKind[event.type])) {
      modes.set(observedKind[event.type], 'shared');
    }
  }
  return modes;
}

/**
 * Takes the locks in kind order, before any projection row is touched, so two batches cannot
 * deadlock; one statement for all kinds (PostgreSQL evaluates a select list left to right).
 */
export async function lockResyncKinds(
  client: PoolClient,
  modes: ReadonlyMap<ClusterResourceKind, LockMode>,
): Promise<void> {
  const kinds = [...modes.keys()].sort();
  if (kinds.length === 0) return;
  const locks = kinds.map((kind, index) => {
    const lock = modes.get(kind) === 'exclusive' ? 'pg_advisory_xact_lock' : 'pg_advisory_xact_lock_shared';
    return `${lock}(${lockKeySql(`$${index + 1}`)})`;
  });
  await client.query(`SELECT ${locks.join(', ')}`, kinds);
}

/** Every kind exclusive: for a rebuild, which rewrites all projections and completions at once. */
export const allKindsExclusive = (): Map<ClusterResourceKind, LockMode> =>
  new Map(CLUSTER_RESOURCE_KINDS.map((kind) => [kind, 'exclusive']));

import { StoreError, type ClusterStore } from '../../store/cluster-store.port.js';
import type { ControllerRevisionWire, DaemonSetWire } from '../kube-wire.types.js';
import type { ClusterCache } from '../runtime/cluster-cache.js';
import { CONTROLLER_REVISION_HASH_LABEL, controllerReference } from './daemon-labels.js';
import { computeTemplateHash } from './revision-hash.js';
import { DEFAULT_REVISION_HISTORY_LIMIT, planRevisions } from './revision-history.js';

function newRevision(ds: DaemonSetWire, hash: string, revision: number): ControllerRevisionWire {
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${ds.metadata.name}-${hash}`,
      namespace: ds.metadata.namespace,
      labels: { ...ds.spec.template.metadata?.labels, [CONTROLLER_REVISION_HASH_LABEL]: hash },
      annotations: ds.metadata.annotations,
      ownerReferences: [controllerReference(ds)],
    },
    data: { spec: { template: { ...structuredClone(ds.spec.template), $patch: 'replace' } } },
    revision,
  };
}

/** Brings the DaemonSet's ControllerRevisions in line with its template and returns the current hash. */
export function syncRevisions(store: ClusterStore, cache: ClusterCache, ds: DaemonSetWire): string {
  const uid = ds.metadata.uid ?? '';
  const namespace = ds.metadata.namespace;
  const hash = computeTemplateHash(ds.spec.template, ds.status?.collisionCount ?? 0);
  const known = [...cache.revisions.ownedBy(uid).values()].map((revision) => ({
    name: revision.metadata.name ?? '',
    hash: revision.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '',
    revision: revision.revision,
  }));
  const hashesInUse = new Set<string>();
  for (const pod of cache.pods.ownedBy(uid).values()) {
    const podHash = pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
    if (podHash !== undefined) hashesInUse.add(podHash);
  }
  const plan = planRevisions(hash, known, hashesInUse, ds.spec.revisionHistoryLimit ?? DEFAULT_REVISION_HISTORY_LIMIT);
  const step = plan.current;
  if (step.kind === 'create') createRevision(store, newRevision(ds, hash, step.revision));
  if (step.kind === 'bump') {
    store.mutate('controllerrevisions', namespace, step.name, (current) => ({ ...current, revision: step.revision }));
  }
  for (const name of plan.prune) deleteIgnoringMissing(store, namespace, name);
  return hash;
}

function createRevision(store: ClusterStore, revision: ControllerRevisionWire): void {
  try {
    store.create('controllerrevisions', revision);
  } catch (error) {
    // A leftover revision of a deleted DaemonSet with the same name: take it over at the new number.
    if (!(error instanceof StoreError) || error.reason !== 'AlreadyExists') throw error;
    store.mutate('controllerrevisions', revision.metadata.namespace, revision.metadata.name ?? '', (current) => ({
      ...current,
      metadata: { ...current.metadata, ownerReferences: revision.metadata.ownerReferences },
      revision: revision.revision,
    }));
  }
}

function deleteIgnoringMissing(store: ClusterStore, namespace: string | undefined, name: string): void {
  try {
    store.delete('controllerrevisions', namespace, name);
  } catch (error) {
    if (!(error instanceof StoreError) || error.reason !== 'NotFound') throw error;
  }
}

import type { EvictionRequest, EvictionResult } from '../api/eviction-handler.js';
import { StoreError, type ClusterStore } from '../store/cluster-store.port.js';
import type { PdbStatusWire, PdbWire, PodWire } from '../controllers/kube-wire.types.js';
import { isPodReady, isTerminating } from '../controllers/daemon/pod-conditions.js';
import { matchesLabelSelector } from '../controllers/label-selector.js';
import { decideEviction } from './eviction-decision.js';

const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

function preconditionFailure(pod: PodWire, request: EvictionRequest): string | undefined {
  const { uid, resourceVersion } = request.preconditions ?? {};
  if (uid && uid !== pod.metadata.uid) {
    return `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${pod.metadata.uid}`;
  }
  if (resourceVersion && resourceVersion !== pod.metadata.resourceVersion) {
    return `Precondition failed: ResourceVersion in precondition: ${resourceVersion}, ResourceVersion in object meta: ${pod.metadata.resourceVersion}`;
  }
  return undefined;
}

/**
 * The Eviction subresource with PodDisruptionBudgets. Runs synchronously in the one thread, so the
 * check, the budget decrement and the delete are atomic: two quick evictions cannot share one disruption.
 */
export function evictPod(store: ClusterStore, request: EvictionRequest): EvictionResult {
  const pod = store.get('pods', request.namespace, request.name) as PodWire | undefined;
  if (pod === undefined) return { kind: 'not-found' };
  const failed = preconditionFailure(pod, request);
  if (failed !== undefined) return { kind: 'conflict', message: failed };
  const pdbs = (store.list('poddisruptionbudgets', { namespace: request.namespace }).items as PdbWire[]).filter((pdb) =>
    matchesLabelSelector(pdb.spec.selector, pod.metadata.labels),
  );
  const decision = decideEviction(
    { phase: pod.status?.phase ?? 'Pending', ready: isPodReady(pod), terminating: isTerminating(pod) },
    pdbs.map((pdb) => ({
      name: pdb.metadata.name ?? '',
      generation: pdb.metadata.generation ?? 0,
      spec: pdb.spec,
      status: pdb.status?.observedGeneration === undefined ? undefined : pdb.status,
    })),
  );
  if (decision.kind === 'blocked-by-pdb') return { kind: 'blocked-by-pdb', message: decision.cause };
  if (decision.kind === 'too-many-pdbs') return decision;
  if (request.dryRun) return { kind: 'evicted' };
  if (decision.chargedPdb !== undefined) chargeBudget(store, request.namespace, decision.chargedPdb, request.name);
  try {
    store.delete('pods', request.namespace, request.name, {
      preconditions: request.preconditions,
      gracePeriodSeconds: request.gracePeriodSeconds,
    });
  } catch (error) {
    if (error instanceof StoreError && error.reason === 'NotFound') return { kind: 'not-found' };
    throw error;
  }
  return { kind: 'evicted' };
}

/** checkAndDecrement: one disruption fewer, and the pod recorded until the controller sees it go. */
function chargeBudget(store: ClusterStore, namespace: string, pdbName: string, podName: string): void {
  store.mutate(
    'poddisruptionbudgets',
    namespace,
    pdbName,
    (current) => {
      const status = current.status as PdbStatusWire;
      const disruptionsAllowed = status.disruptionsAllowed - 1;
      const conditions =
        disruptionsAllowed > 0
          ? status.conditions
          : [
              ...(status.conditions ?? []).filter((condition) => condition.type !== 'DisruptionAllowed'),
              {
                type: 'DisruptionAllowed',
                status: 'False' as const,
                reason: 'InsufficientPods',
                message: '',
                lastTransitionTime: nowIso(),
              },
            ];
      const disruptedPods = { ...status.disruptedPods, [podName]: nowIso() };
      return { ...current, status: { ...status, disruptionsAllowed, disruptedPods, conditions } };
    },
    { subresource: 'status' },
  );
}

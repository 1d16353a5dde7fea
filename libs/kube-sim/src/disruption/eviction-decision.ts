import type { PdbSpecWire, PdbStatusWire } from '../controllers/kube-wire.types.js';

export interface EvictionPodView {
  readonly phase: string;
  readonly ready: boolean;
  readonly terminating: boolean;
}

export interface EvictionPdbView {
  readonly name: string;
  readonly generation: number;
  readonly spec: PdbSpecWire;
  readonly status: PdbStatusWire | undefined;
}

export type EvictionDecision =
  /** `chargedPdb` names the budget whose disruptionsAllowed must drop by one with this eviction. */
  | { readonly kind: 'evict'; readonly chargedPdb?: string }
  | { readonly kind: 'blocked-by-pdb'; readonly message: string; readonly cause: string }
  | { readonly kind: 'too-many-pdbs'; readonly message: string };

export const PDB_VIOLATION_MESSAGE = "Cannot evict pod as it would violate the pod's disruption budget.";
export const TOO_MANY_PDBS_MESSAGE =
  'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.';

/** The eviction subresource's rules (pkg/registry/core/pod/storage/eviction.go), given the PDBs selecting the pod. */
export function decideEviction(pod: EvictionPodView, pdbs: readonly EvictionPdbView[]): EvictionDecision {
  // Pods that are not running (yet or any more) never count against a budget.
  if (pod.terminating || pod.phase === 'Pending' || pod.phase === 'Succeeded' || pod.phase === 'Failed') {
    return { kind: 'evict' };
  }
  if (pdbs.length > 1) return { kind: 'too-many-pdbs', message: TOO_MANY_PDBS_MESSAGE };
  const pdb = pdbs[0];
  if (pdb === undefined) return { kind: 'evict' };
  const status = pdb.status;
  if (!pod.ready) {
    if (pdb.spec.unhealthyPodEvictionPolicy === 'AlwaysAllow') return { kind: 'evict' };
    if (status !== undefined && status.desiredHealthy > 0 && status.currentHealthy >= status.desiredHealthy) {
      return { kind: 'evict' };
    }
  }
  return checkAndDecrement(pdb);
}

function checkAndDecrement(pdb: EvictionPdbView): EvictionDecision {
  const status = pdb.status;
  if (status === undefined || status.observedGeneration < pdb.generation) {
    const cause = `The disruption budget ${pdb.name} is still being processed by the server.`;
    return { kind: 'blocked-by-pdb', message: PDB_VIOLATION_MESSAGE, cause };
  }
  if (status.disruptionsAllowed <= 0) {
    const cause = `The disruption budget ${pdb.name} needs ${status.desiredHealthy} healthy pods and has ${status.currentHealthy} currently`;
    return { kind: 'blocked-by-pdb', message: PDB_VIOLATION_MESSAGE, cause };
  }
  return { kind: 'evict', chargedPdb: pdb.name };
}

import type { V1PodDisruptionBudget } from '@kubernetes/client-node';
import type { PdbData } from './cluster.events.js';
import type { ObservedChange } from './cluster-resource.js';
import { intOrString, namespacedIdentityOf, selectorOf } from './object-fields.js';

export const pdbDataOf = (pdb: V1PodDisruptionBudget, change: ObservedChange): PdbData => ({
  ...namespacedIdentityOf(pdb.metadata, change),
  generation: pdb.metadata?.generation ?? 0,
  observedGeneration: pdb.status?.observedGeneration ?? null,
  selector: selectorOf(pdb.spec?.selector),
  minAvailable: intOrString(pdb.spec?.minAvailable),
  maxUnavailable: intOrString(pdb.spec?.maxUnavailable),
  unhealthyPodEvictionPolicy: pdb.spec?.unhealthyPodEvictionPolicy ?? null,
  status: {
    disruptionsAllowed: pdb.status?.disruptionsAllowed ?? 0,
    currentHealthy: pdb.status?.currentHealthy ?? 0,
    desiredHealthy: pdb.status?.desiredHealthy ?? 0,
    expectedPods: pdb.status?.expectedPods ?? 0,
  },
});

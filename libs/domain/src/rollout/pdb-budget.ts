import type { IntOrPercent, PdbView } from './cluster-view.js';
import type { PdbAllowance, PlannedStage, PlanWarning } from './rollout-plan.js';

/** What one PDB allows now; a stale status allows nothing we can count on. */
export function pdbAllowance(pdb: PdbView): PdbAllowance {
  const statusFresh = pdb.status.observedGeneration === pdb.generation;
  return {
    pdb: pdbName(pdb),
    disruptionsAllowed: statusFresh ? Math.max(0, pdb.status.disruptionsAllowed) : 0,
    statusFresh,
    currentHealthy: pdb.status.currentHealthy,
    desiredHealthy: pdb.status.desiredHealthy,
    expectedPods: pdb.status.expectedPods,
  };
}

/** Per-PDB allowances and the warnings a rollout plan needs about them. */
export function assessPdbs(
  pdbs: readonly PdbView[],
  stages: readonly PlannedStage[],
): { allowances: PdbAllowance[]; warnings: PlanWarning[] } {
  const allowances = pdbs.map(pdbAllowance);
  const warnings: PlanWarning[] = [];
  if (pdbs.length > 1)
    warnings.push({
      code: 'MultiplePdbsMatch',
      message: `${pdbs.length} PDBs select the DaemonSet's pods; the Eviction API refuses such pods with 500 until only one matches.`,
    });
  pdbs.forEach((pdb, index) => {
    const name = pdbName(pdb);
    warnings.push(...shapeWarnings(pdb, name));
    const allowance = allowances[index];
    if (!allowance.statusFresh)
      warnings.push({
        code: 'PdbStatusStale',
        pdb: name,
        message: `PDB ${name} status is for generation ${pdb.status.observedGeneration}, not ${pdb.generation}; its allowance is unknown.`,
      });
    for (const stage of stages) {
      const largest = Math.max(0, ...stage.batches.map((batch) => batch.length));
      if (largest > allowance.disruptionsAllowed)
        warnings.push({
          code: 'PdbBlocksBatch',
          pdb: name,
          stage: stage.name,
          message: `Stage ${stage.name} evicts up to ${largest} pod(s) at once but PDB ${name} allows ${allowance.disruptionsAllowed} now; evictions beyond that are refused and retried.`,
        });
    }
  });
  return { allowances, warnings };
}

function shapeWarnings(pdb: PdbView, name: string): PlanWarning[] {
  if (pdb.maxUnavailable !== null)
    return [
      {
        code: 'PdbMaxUnavailableOnDaemonSet',
        pdb: name,
        message: `PDB ${name} uses maxUnavailable; over DaemonSet pods (no scale subresource) only an integer minAvailable works, so it allows no eviction.`,
      },
    ];
  if (pdb.minAvailable !== null && !isInteger(pdb.minAvailable))
    return [
      {
        code: 'PdbMinAvailableNotInteger',
        pdb: name,
        message: `PDB ${name} has minAvailable ${String(pdb.minAvailable)}; over DaemonSet pods only an integer minAvailable works, so it allows no eviction.`,
      },
    ];
  return [];
}

function isInteger(value: IntOrPercent): boolean {
  return typeof value === 'number' ? Number.isInteger(value) : /^\d+$/.test(value);
}

function pdbName(pdb: PdbView): string {
  return `${pdb.namespace}/${pdb.name}`;
}

import type { PdbView } from './cluster-view.js';
import { assessPdbs, pdbAllowance } from './pdb-budget.js';
import type { PlannedStage } from './rollout-plan.js';

function pdb(overrides: Partial<PdbView> = {}, status: Partial<PdbView['status']> = {}): PdbView {
  return {
    namespace: 'default',
    name: 'log-collector',
    generation: 2,
    minAvailable: 8,
    maxUnavailable: null,
    status: {
      observedGeneration: 2,
      disruptionsAllowed: 2,
      currentHealthy: 10,
      desiredHealthy: 8,
      expectedPods: 10,
      ...status,
    },
    ...overrides,
  };
}

const stage = (name: string, batches: string[][]): PlannedStage => ({
  index: 0,
  name,
  selection: { kind: 'percent', percent: 100 },
  batchSize: batches[0]?.length ?? 1,
  batches,
});

describe('pdbAllowance', () => {
  it('trusts disruptionsAllowed only when the status describes the current generation', () => {
    expect(pdbAllowance(pdb())).toMatchObject({
      pdb: 'default/log-collector',
      disruptionsAllowed: 2,
      statusFresh: true,
    });
    expect(pdbAllowance(pdb({ generation: 3 }))).toMatchObject({ disruptionsAllowed: 0, statusFresh: false });
  });
});

describe('assessPdbs', () => {
  it('is quiet when every batch fits in what the PDB allows', () => {
    expect(assessPdbs([pdb()], [stage('all', [['a', 'b'], ['c']])]).warnings).toEqual([]);
  });

  it('warns when a batch is larger than what the PDB allows now', () => {
    const { warnings } = assessPdbs(
      [pdb({}, { disruptionsAllowed: 1 })],
      [stage('canary', [['a']]), stage('rest', [['b', 'c']])],
    );
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'PdbBlocksBatch', stage: 'rest', pdb: 'default/log-collector' }),
    ]);
  });

  it('warns about a stale status, which allows nothing we can count on', () => {
    const codes = assessPdbs([pdb({ generation: 3 })], [stage('all', [['a']])]).warnings.map((w) => w.code);
    expect(codes).toEqual(['PdbStatusStale', 'PdbBlocksBatch']);
  });

  it('warns that a percentage minAvailable or a maxUnavailable does not work over DaemonSet pods', () => {
    expect(assessPdbs([pdb({ minAvailable: '80%' })], []).warnings.map((w) => w.code)).toEqual([
      'PdbMinAvailableNotInteger',
    ]);
    expect(assessPdbs([pdb({ minAvailable: null, maxUnavailable: 1 })], []).warnings.map((w) => w.code)).toEqual([
      'PdbMaxUnavailableOnDaemonSet',
    ]);
    expect(assessPdbs([pdb({ minAvailable: 8 })], []).warnings).toEqual([]);
  });

  it('warns when several PDBs match, since the Eviction API then refuses with 500', () => {
    const codes = assessPdbs([pdb(), pdb({ name: 'other' })], []).warnings.map((w) => w.code);
    expect(codes).toEqual(['MultiplePdbsMatch']);
  });
});

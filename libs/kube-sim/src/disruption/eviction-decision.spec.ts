import type { PdbSpecWire } from '../controllers/kube-wire.types.js';
import { decideEviction, type EvictionPdbView, type EvictionPodView } from './eviction-decision.js';

const runningPod = (ready: boolean): EvictionPodView => ({ phase: 'Running', ready, terminating: false });
const pdb = (status: Partial<EvictionPdbView['status']> | undefined, spec: PdbSpecWire = {}): EvictionPdbView => ({
  name: 'budget',
  generation: 2,
  spec: { minAvailable: 4, ...spec },
  status:
    status === undefined
      ? undefined
      : {
          observedGeneration: 2,
          disruptionsAllowed: 1,
          currentHealthy: 5,
          desiredHealthy: 4,
          expectedPods: 5,
          ...status,
        },
});

describe('eviction decision', () => {
  it('given no PDB, when evicting, then the pod is evicted', () => {
    expect(decideEviction(runningPod(true), [])).toEqual({ kind: 'evict' });
  });

  it('given two PDBs, when evicting, then it fails as the real server does (500)', () => {
    expect(decideEviction(runningPod(true), [pdb({}), pdb({})]).kind).toBe('too-many-pdbs');
  });

  it('given a healthy pod and budget left, when evicting, then the budget is charged', () => {
    expect(decideEviction(runningPod(true), [pdb({})])).toEqual({ kind: 'evict', chargedPdb: 'budget' });
  });

  it('given a healthy pod and no budget, when evicting, then it is refused with the server message', () => {
    const decision = decideEviction(runningPod(true), [pdb({ disruptionsAllowed: 0, currentHealthy: 4 })]);
    expect(decision).toEqual({
      kind: 'blocked-by-pdb',
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      cause: 'The disruption budget budget needs 4 healthy pods and has 4 currently',
    });
  });

  it('given a PDB whose status lags its generation, when evicting, then it is refused', () => {
    const decision = decideEviction(runningPod(true), [pdb({ observedGeneration: 1 })]);
    expect(decision).toMatchObject({ kind: 'blocked-by-pdb', cause: expect.stringContaining('still being processed') });
  });

  it('given an unhealthy pod and AlwaysAllow, when evicting, then it goes without charging', () => {
    const decision = decideEviction(runningPod(false), [
      pdb({ disruptionsAllowed: 0 }, { unhealthyPodEvictionPolicy: 'AlwaysAllow' }),
    ]);
    expect(decision).toEqual({ kind: 'evict' });
  });

  it('given an unhealthy pod under IfHealthyBudget, when the budget is met, then it goes without charging', () => {
    const decision = decideEviction(runningPod(false), [
      pdb({ disruptionsAllowed: 0, currentHealthy: 4, desiredHealthy: 4 }),
    ]);
    expect(decision).toEqual({ kind: 'evict' });
  });

  it('given an unhealthy pod under IfHealthyBudget, when the budget is not met, then it is refused', () => {
    const decision = decideEviction(runningPod(false), [
      pdb({ disruptionsAllowed: 0, currentHealthy: 3, desiredHealthy: 4 }),
    ]);
    expect(decision.kind).toBe('blocked-by-pdb');
  });

  it.each(['Pending', 'Succeeded', 'Failed'])(
    'given a %s pod, when evicting, then the PDB is not consulted',
    (phase) => {
      const decision = decideEviction({ phase, ready: false, terminating: false }, [
        pdb({ disruptionsAllowed: 0 }),
        pdb({}),
      ]);
      expect(decision).toEqual({ kind: 'evict' });
    },
  );
});

import { computePdbStatus, DISRUPTED_POD_TIMEOUT_MS, type PdbPodView, type PdbStatusInput } from './pdb-status.js';

const now = Date.parse('2025-01-01T00:10:00.000Z');
const pods = (ready: number, unready = 0): PdbPodView[] => [
  ...Array.from({ length: ready }, (_, i) => ({ name: `ready-${i}`, ready: true, terminating: false })),
  ...Array.from({ length: unready }, (_, i) => ({ name: `unready-${i}`, ready: false, terminating: false })),
];
const input = (extra: Partial<PdbStatusInput>): PdbStatusInput => ({
  spec: { minAvailable: 4 },
  generation: 3,
  pods: pods(5),
  expectedScale: undefined,
  previousDisruptedPods: {},
  nowMs: now,
  ...extra,
});

describe('PDB status arithmetic', () => {
  it('given an integer minAvailable, when computed, then expectedPods is the pod count', () => {
    const status = computePdbStatus(input({ pods: pods(5, 1) }));
    expect(status).toMatchObject({
      observedGeneration: 3,
      expectedPods: 6,
      currentHealthy: 5,
      desiredHealthy: 4,
      disruptionsAllowed: 1,
    });
    expect(status.conditions?.[0]).toMatchObject({
      type: 'DisruptionAllowed',
      status: 'True',
      reason: 'SufficientPods',
    });
  });

  it('given too few healthy pods, when computed, then no disruption is allowed', () => {
    const status = computePdbStatus(input({ pods: pods(3, 2) }));
    expect(status.disruptionsAllowed).toBe(0);
    expect(status.conditions?.[0]).toMatchObject({ status: 'False', reason: 'InsufficientPods' });
  });

  it('given a percentage, when the controller has a scale, then it rounds up', () => {
    const status = computePdbStatus(input({ spec: { minAvailable: '50%' }, expectedScale: 5 }));
    expect(status).toMatchObject({ expectedPods: 5, desiredHealthy: 3, disruptionsAllowed: 2 });
  });

  it('given maxUnavailable, when the controller has a scale, then desiredHealthy is scale minus it', () => {
    const status = computePdbStatus(input({ spec: { maxUnavailable: 1 }, expectedScale: 5 }));
    expect(status).toMatchObject({ expectedPods: 5, desiredHealthy: 4, disruptionsAllowed: 1 });
  });

  it('given a percentage over DaemonSet pods (no scale), when computed, then it fails safe', () => {
    const status = computePdbStatus(input({ spec: { minAvailable: '90%' } }));
    expect(status.disruptionsAllowed).toBe(0);
    expect(status.conditions?.[0]).toMatchObject({ status: 'False', reason: 'SyncFailed' });
  });

  it('given a recently evicted pod that still runs, when computed, then it is not healthy', () => {
    const evictedAt = new Date(now - 1_000).toISOString();
    const status = computePdbStatus(input({ previousDisruptedPods: { 'ready-0': evictedAt } }));
    expect(status.currentHealthy).toBe(4);
    expect(status.disruptedPods).toEqual({ 'ready-0': evictedAt });
  });

  it('given an old or terminating disrupted pod, when computed, then its entry is dropped', () => {
    const old = new Date(now - DISRUPTED_POD_TIMEOUT_MS - 1).toISOString();
    const terminating = { name: 'ready-1', ready: true, terminating: true };
    const status = computePdbStatus(
      input({ pods: [...pods(1), terminating], previousDisruptedPods: { 'ready-0': old, 'ready-1': old, gone: old } }),
    );
    expect(status.disruptedPods).toEqual({});
    expect(status.currentHealthy).toBe(1);
  });

  it('given no pods, when computed, then nothing may be disrupted', () => {
    expect(computePdbStatus(input({ spec: { minAvailable: 0 }, pods: [] })).disruptionsAllowed).toBe(0);
  });
});

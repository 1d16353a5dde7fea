import { planNodePods, type DaemonPodView } from './node-pods.plan.js';

const pod = (name: string, createdAtMs: number, extra: Partial<DaemonPodView> = {}): DaemonPodView => ({
  name,
  createdAtMs,
  updated: false,
  terminating: false,
  phase: 'Running',
  ready: true,
  available: true,
  ...extra,
});
const eligible = { shouldRun: true, shouldContinueRunning: true };

describe('per-node pod management', () => {
  it('given an eligible node without pods, when planned, then a pod is created', () => {
    expect(planNodePods(eligible, [], false)).toEqual({ create: true, deletePods: [] });
  });

  it('given only a terminating pod, when planned without surge, then creation waits for the deletion', () => {
    expect(planNodePods(eligible, [pod('a', 1, { terminating: true })], false)).toEqual({
      create: false,
      deletePods: [],
    });
  });

  it('given two running pods without surge, when planned, then all but the oldest are deleted', () => {
    expect(planNodePods(eligible, [pod('young', 2), pod('old', 1)], false).deletePods).toEqual(['young']);
  });

  it('given a failed pod, when planned, then it is deleted', () => {
    expect(planNodePods(eligible, [pod('f', 1, { phase: 'Failed' })], false).deletePods).toEqual(['f']);
  });

  it('given a node that must not keep pods, when planned, then its live pods are deleted', () => {
    const plan = planNodePods({ shouldRun: false, shouldContinueRunning: false }, [pod('a', 1)], false);
    expect(plan).toEqual({ create: false, deletePods: ['a'] });
  });

  it('given an ineligible node without pods, when planned, then nothing happens', () => {
    expect(planNodePods({ shouldRun: false, shouldContinueRunning: true }, [], false)).toEqual({
      create: false,
      deletePods: [],
    });
  });

  it('given surge and an available new pod next to an old one, when planned, then the old one goes', () => {
    const plan = planNodePods(eligible, [pod('old', 1), pod('new', 2, { updated: true })], true);
    expect(plan.deletePods).toEqual(['old']);
  });

  it('given surge and an unready new pod next to a ready old one, when planned, then both stay', () => {
    const fresh = pod('new', 2, { updated: true, ready: false, available: false });
    expect(planNodePods(eligible, [pod('old', 1), fresh], true).deletePods).toEqual([]);
  });
});

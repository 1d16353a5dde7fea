import type { DaemonPodView } from './node-pods.plan.js';
import { planRollingUpdate, rollingUpdateLimits, type NodeRolloutView } from './rolling-update.plan.js';

let sequence = 0;
const pod = (updated: boolean, available: boolean, extra: Partial<DaemonPodView> = {}): DaemonPodView => ({
  name: `pod-${++sequence}`,
  createdAtMs: sequence,
  updated,
  terminating: false,
  phase: 'Running',
  ready: available,
  available,
  ...extra,
});
const node = (nodeName: string, ...pods: DaemonPodView[]): NodeRolloutView => ({ nodeName, pods });

describe('RollingUpdate limits', () => {
  it('given percentages, when scaled over desiredNumberScheduled, then both round up', () => {
    expect(rollingUpdateLimits({ maxUnavailable: '10%', maxSurge: '0%' }, 15)).toEqual({
      maxUnavailable: 2,
      maxSurge: 0,
    });
    expect(rollingUpdateLimits({ maxUnavailable: 0, maxSurge: '10%' }, 15)).toEqual({ maxUnavailable: 0, maxSurge: 2 });
  });

  it('given 0 and 0, when scaled, then maxUnavailable falls back to 1', () => {
    expect(rollingUpdateLimits({ maxUnavailable: '0%', maxSurge: 0 }, 5)).toEqual({ maxUnavailable: 1, maxSurge: 0 });
  });

  it('given nothing, when scaled, then the defaults are 1 and 0', () => {
    expect(rollingUpdateLimits(undefined, 5000)).toEqual({ maxUnavailable: 1, maxSurge: 0 });
  });
});

describe('RollingUpdate without surge', () => {
  it('given all old available pods, when planned, then at most maxUnavailable are deleted', () => {
    const nodes = [1, 2, 3, 4, 5].map((n) => node(`n${n}`, pod(false, true)));
    const plan = planRollingUpdate(nodes, { maxUnavailable: 2, maxSurge: 0 });
    expect(plan.deletePods).toHaveLength(2);
    expect(plan.createOnNodes).toEqual([]);
  });

  it('given a new pod not yet available, when planned, then it uses up the budget', () => {
    const nodes = [node('n1', pod(true, false)), node('n2', pod(false, true)), node('n3', pod(false, true))];
    expect(planRollingUpdate(nodes, { maxUnavailable: 1, maxSurge: 0 }).deletePods).toEqual([]);
  });

  it('given a node whose pod is terminating, when planned, then it counts as unavailable', () => {
    const nodes = [node('n1', pod(false, true, { terminating: true })), node('n2', pod(false, true))];
    expect(planRollingUpdate(nodes, { maxUnavailable: 1, maxSurge: 0 }).deletePods).toEqual([]);
  });

  it('given an old pod that is not available, when planned, then it is replaced beyond the budget', () => {
    const broken = pod(false, false);
    const nodes = [node('n1', pod(true, false)), node('n2', broken), node('n3', pod(false, true))];
    expect(planRollingUpdate(nodes, { maxUnavailable: 1, maxSurge: 0 }).deletePods).toEqual([broken.name]);
  });

  it('given every pod updated and available, when planned, then nothing happens', () => {
    const nodes = [node('n1', pod(true, true)), node('n2', pod(true, true))];
    expect(planRollingUpdate(nodes, { maxUnavailable: 1, maxSurge: 0 })).toEqual({ deletePods: [], createOnNodes: [] });
  });
});

describe('RollingUpdate with surge', () => {
  it('given old available pods, when planned, then new pods surge onto at most maxSurge nodes', () => {
    const nodes = [1, 2, 3].map((n) => node(`n${n}`, pod(false, true)));
    const plan = planRollingUpdate(nodes, { maxUnavailable: 0, maxSurge: 2 });
    expect(plan.createOnNodes).toEqual(['n1', 'n2']);
    expect(plan.deletePods).toEqual([]);
  });

  it('given a surged new pod that is available, when planned, then the old one is deleted', () => {
    const old = pod(false, true);
    const plan = planRollingUpdate([node('n1', old, pod(true, true))], { maxUnavailable: 0, maxSurge: 1 });
    expect(plan.deletePods).toEqual([old.name]);
  });

  it('given a surged new pod not yet available, when planned, then it holds a surge slot', () => {
    const nodes = [node('n1', pod(false, true), pod(true, false)), node('n2', pod(false, true))];
    expect(planRollingUpdate(nodes, { maxUnavailable: 0, maxSurge: 1 }).createOnNodes).toEqual([]);
  });
});

import type { NodeWire, PodSpecWire, Taint } from '../kube-wire.types.js';
import { nodeShouldRunDaemonPod, withDaemonPodTolerations } from './node-eligibility.js';

const givenNode = (labels: Record<string, string>, taints: Taint[] = []): NodeWire => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'node-0001', labels },
  spec: { taints },
});

const template = (spec: Partial<PodSpecWire> = {}): PodSpecWire => ({ containers: [{ name: 'c' }], ...spec });

describe('DaemonSet node eligibility', () => {
  it('given a nodeSelector, when the node lacks the label, then no pod runs there', () => {
    const node = givenNode({ 'kubernetes.io/os': 'windows' });
    const result = nodeShouldRunDaemonPod(node, template({ nodeSelector: { 'kubernetes.io/os': 'linux' } }));
    expect(result).toEqual({ shouldRun: false, shouldContinueRunning: false });
  });

  it('given a nodeSelector, when the node has the label, then a pod runs there', () => {
    const node = givenNode({ 'kubernetes.io/os': 'linux' });
    const result = nodeShouldRunDaemonPod(node, template({ nodeSelector: { 'kubernetes.io/os': 'linux' } }));
    expect(result).toEqual({ shouldRun: true, shouldContinueRunning: true });
  });

  it.each([
    ['In', ['a', 'b'], { zone: 'a' }, true],
    ['In', ['a', 'b'], { zone: 'c' }, false],
    ['NotIn', ['a'], { zone: 'c' }, true],
    ['NotIn', ['a'], {}, true],
    ['NotIn', ['a'], { zone: 'a' }, false],
    ['Exists', undefined, { zone: 'x' }, true],
    ['Exists', undefined, {}, false],
    ['DoesNotExist', undefined, {}, true],
    ['DoesNotExist', undefined, { zone: 'x' }, false],
  ])(
    'given required node affinity %s %j, when node labels are %j, then shouldRun is %s',
    (operator, values, labels, expected) => {
      const affinity = {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator, values }] }],
          },
        },
      };
      expect(nodeShouldRunDaemonPod(givenNode(labels), template({ affinity })).shouldRun).toBe(expected);
    },
  );

  it('given two node selector terms, when only the second matches, then the terms are ORed', () => {
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] },
            { matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] },
          ],
        },
      },
    };
    expect(nodeShouldRunDaemonPod(givenNode({ zone: 'b' }), template({ affinity })).shouldRun).toBe(true);
  });

  it('given a NoSchedule taint without toleration, when checked, then no new pod but an existing one stays', () => {
    const node = givenNode({}, [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]);
    expect(nodeShouldRunDaemonPod(node, template())).toEqual({ shouldRun: false, shouldContinueRunning: true });
  });

  it('given a NoExecute taint without toleration, when checked, then existing pods must go', () => {
    const node = givenNode({}, [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }]);
    expect(nodeShouldRunDaemonPod(node, template())).toEqual({ shouldRun: false, shouldContinueRunning: false });
  });

  it('given a matching toleration, when the node is tainted, then the pod runs', () => {
    const node = givenNode({}, [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]);
    const tolerations = [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }];
    expect(nodeShouldRunDaemonPod(node, template({ tolerations })).shouldRun).toBe(true);
  });

  it('given a PreferNoSchedule taint, when checked, then it is ignored', () => {
    const node = givenNode({}, [{ key: 'soft', effect: 'PreferNoSchedule' }]);
    expect(nodeShouldRunDaemonPod(node, template()).shouldRun).toBe(true);
  });

  it.each([
    ['node.kubernetes.io/not-ready', 'NoExecute'],
    ['node.kubernetes.io/unreachable', 'NoExecute'],
    ['node.kubernetes.io/disk-pressure', 'NoSchedule'],
    ['node.kubernetes.io/memory-pressure', 'NoSchedule'],
    ['node.kubernetes.io/pid-pressure', 'NoSchedule'],
    ['node.kubernetes.io/unschedulable', 'NoSchedule'],
  ])('given the node taint %s:%s, when checked, then the default daemon tolerations cover it', (key, effect) => {
    expect(nodeShouldRunDaemonPod(givenNode({}, [{ key, effect }]), template()).shouldRun).toBe(true);
  });

  it('given network-unavailable, when the pod is not hostNetwork, then it is not tolerated', () => {
    const taint = { key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' };
    expect(nodeShouldRunDaemonPod(givenNode({}, [taint]), template()).shouldRun).toBe(false);
    expect(nodeShouldRunDaemonPod(givenNode({}, [taint]), template({ hostNetwork: true })).shouldRun).toBe(true);
  });

  it('given own tolerations, when defaults are added, then none is duplicated', () => {
    const own = [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }];
    const all = withDaemonPodTolerations(template({ tolerations: own }));
    expect(all.filter((toleration) => toleration.key === 'node.kubernetes.io/not-ready')).toHaveLength(1);
    expect(all).toHaveLength(6);
  });
});

import { validateRolloutSpec, type ClusterSnapshot, type RolloutInput } from '#rollcall/domain';

const nodes = ['n1', 'n2', 'n3'];

/** A StartRollout over three Ready nodes, for store tests that need real saga events. */
export function rolloutRequest(rolloutId: string, daemonSet: string): RolloutInput {
  const validation = validateRolloutSpec({
    daemonSet: { namespace: 'default', name: daemonSet },
    change: { containers: [{ name: 'main', image: 'busybox:1.37' }] },
    strategy: { stages: [{ name: 'all', nodes: { percent: 100 }, approvals: 1 }] },
    reason: 'store test',
  });
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
  const cluster: ClusterSnapshot = {
    daemonSet: {
      uid: `uid-${daemonSet}`,
      generation: 1,
      observedGeneration: 1,
      desiredNumberScheduled: nodes.length,
      currentRevisionHash: 'old',
      updateStrategy: { type: 'RollingUpdate' },
      containerNames: ['main'],
    },
    nodes: nodes.map((name) => ({ name, labels: {}, ready: true, schedulable: true })),
    pods: nodes.map((name) => ({
      name: `pod-${name}`,
      uid: `uid-${name}`,
      nodeName: name,
      revisionHash: 'old',
      ready: true,
      restarts: 0,
      crashLooping: false,
    })),
    pdbs: [],
  };
  return {
    type: 'StartRollout',
    rolloutId,
    actor: { kind: 'user', id: 'alice' },
    now: new Date().toISOString(),
    spec: validation.spec,
    cluster,
  };
}

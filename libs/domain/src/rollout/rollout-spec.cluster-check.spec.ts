import { cluster, spec } from './testing/rollout.fixtures.js';
import { specProblemsAgainst } from './rollout-spec.cluster-check.js';

const withContainers = (...names: string[]) => ({
  ...spec(),
  change: { kind: 'containers' as const, containers: names.map((name) => ({ name, image: 'busybox:1.37' })) },
});

describe('a rollout spec checked against its DaemonSet', () => {
  it('accepts image changes of containers the DaemonSet has', () => {
    expect(specProblemsAgainst(withContainers('log-collector'), cluster().daemonSet)).toEqual([]);
  });

  it('names each unknown container by its field and lists the containers there are', () => {
    const daemonSet = { ...cluster().daemonSet, containerNames: ['log-collector', 'sidecar'] };

    expect(specProblemsAgainst(withContainers('log-collector', 'x'), daemonSet)).toEqual([
      {
        field: 'change.containers[1].name',
        reason: 'DaemonSet default/log-collector has no container named x; it has: log-collector, sidecar',
      },
    ]);
  });
});

import { computeDaemonSetStatus } from './daemonset-status.js';
import type { DaemonPodView } from './node-pods.plan.js';

const pod = (extra: Partial<DaemonPodView>): DaemonPodView => ({
  name: 'p',
  createdAtMs: 1,
  updated: true,
  terminating: false,
  phase: 'Running',
  ready: true,
  available: true,
  ...extra,
});

describe('DaemonSet status counts', () => {
  it('given a mix of nodes, when counted, then every figure follows the real controller', () => {
    const status = computeDaemonSetStatus(
      [
        { shouldRun: true, pods: [pod({})] },
        { shouldRun: true, pods: [pod({ updated: false })] },
        { shouldRun: true, pods: [pod({ ready: true, available: false })] },
        { shouldRun: true, pods: [pod({ ready: false, available: false })] },
        { shouldRun: true, pods: [] },
        { shouldRun: false, pods: [pod({})] },
        { shouldRun: false, pods: [] },
      ],
      7,
    );
    expect(status).toEqual({
      desiredNumberScheduled: 5,
      currentNumberScheduled: 4,
      numberMisscheduled: 1,
      numberReady: 3,
      numberAvailable: 2,
      numberUnavailable: 3,
      updatedNumberScheduled: 3,
      observedGeneration: 7,
    });
  });

  it('given two pods on a node, when counted, then the oldest one decides', () => {
    const status = computeDaemonSetStatus(
      [
        {
          shouldRun: true,
          pods: [pod({ createdAtMs: 5 }), pod({ createdAtMs: 1, updated: false, ready: false, available: false })],
        },
      ],
      1,
    );
    expect(status.updatedNumberScheduled).toBe(0);
    expect(status.numberReady).toBe(0);
  });
});

import type { V1Pod } from '@kubernetes/client-node';
import { podObservationOf } from './pod-observation.js';

const now = '2030-01-01T00:00:00.000Z';

function pod(overrides: { ownerUid?: string; deleting?: boolean; waiting?: string; ready?: boolean } = {}): V1Pod {
  return {
    metadata: {
      name: 'agent-abc',
      namespace: 'default',
      uid: 'pod-uid',
      resourceVersion: '7',
      labels: { 'controller-revision-hash': 'h2' },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'DaemonSet',
          name: 'agent',
          uid: overrides.ownerUid ?? 'ds-uid',
          controller: true,
        },
      ],
      ...(overrides.deleting ? { deletionTimestamp: new Date(now) } : {}),
    },
    spec: { nodeName: 'node-1', containers: [{ name: 'main', image: 'busybox' }] },
    status: {
      conditions: [{ type: 'Ready', status: overrides.ready === false ? 'False' : 'True' }],
      containerStatuses: [
        {
          name: 'main',
          image: 'busybox',
          imageID: '',
          ready: overrides.ready !== false,
          restartCount: 3,
          state: overrides.waiting ? { waiting: { reason: overrides.waiting } } : { running: {} },
        },
      ],
    },
  };
}

describe('podObservationOf', () => {
  it('describes the DaemonSet pod on its node', () => {
    expect(podObservationOf(pod(), 'ds-uid', now)).toEqual({
      type: 'PodObserved',
      now,
      node: 'node-1',
      pod: { name: 'agent-abc', uid: 'pod-uid', revisionHash: 'h2', ready: true, restarts: 3, crashLooping: false },
    });
  });

  it('marks a container waiting in CrashLoopBackOff as crash-looping', () => {
    expect(podObservationOf(pod({ waiting: 'CrashLoopBackOff', ready: false }), 'ds-uid', now)?.pod).toMatchObject({
      ready: false,
      crashLooping: true,
    });
  });

  it('ignores pods of another DaemonSet and terminating pods', () => {
    expect(podObservationOf(pod({ ownerUid: 'other' }), 'ds-uid', now)).toBeNull();
    expect(podObservationOf(pod({ deleting: true }), 'ds-uid', now)).toBeNull();
  });
});

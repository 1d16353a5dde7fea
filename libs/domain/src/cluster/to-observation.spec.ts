import { partitionKeyOf } from './partition-key.js';
import { toObservation } from './to-observation.js';
import {
  daemonSetFixture,
  nodeFixture,
  pdbFixture,
  podFixture,
  revisionFixture,
} from './testing/kube-objects.fixtures.js';

const AT = '2025-02-01T00:00:00.000Z';

describe('toObservation', () => {
  it('given a Node, when observed, then it keeps the auditor fields and is keyed by node name', () => {
    const event = toObservation('Node', 'ADDED', nodeFixture(), AT, 'corr-1');

    expect(event).toMatchObject({ type: 'NodeObserved', schemaVersion: 1, observedAt: AT, correlationId: 'corr-1' });
    expect(event.data).toEqual({
      uid: 'node-uid',
      name: 'node-0001',
      resourceVersion: '10',
      change: 'ADDED',
      labels: { zone: 'a' },
      taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
      ready: true,
      unschedulable: true,
      kubeletVersion: 'v1.31.0',
    });
    expect(partitionKeyOf(event)).toBe('node-0001');
  });

  it('given a DaemonSet, when observed, then noise annotations and managedFields are gone', () => {
    const event = toObservation('DaemonSet', 'MODIFIED', daemonSetFixture(), AT, 'corr-1');

    expect(event.type).toBe('DaemonSetObserved');
    expect(event.data).toMatchObject({
      namespace: 'kube-system',
      generation: 3,
      observedGeneration: 2,
      updateStrategy: { type: 'RollingUpdate', maxUnavailable: '10%', maxSurge: null },
      containers: [{ name: 'fluentd', image: 'fluentd:v2' }],
      status: { desiredNumberScheduled: 5, updatedNumberScheduled: 1, numberUnavailable: 0 },
      templateGeneration: '3',
      changeCause: 'bump fluentd',
    });
    expect(JSON.stringify(event)).not.toMatch(/managedFields|last-applied|huge/);
    expect(partitionKeyOf(event)).toBe('kube-system/log-collector');
  });

  it('given a ControllerRevision, when observed, then it names its DaemonSet, hash and stored images', () => {
    const event = toObservation('ControllerRevision', 'ADDED', revisionFixture(), AT, 'c');

    expect(event.type).toBe('ControllerRevisionObserved');
    expect(event.data).toMatchObject({
      owner: { name: 'log-collector', uid: 'ds-uid' },
      revision: 3,
      hash: 'abc',
      containers: [{ name: 'fluentd', image: 'fluentd:v2' }],
    });
  });

  it('given a crash-looping DaemonSet pod not yet bound, when observed, then it is keyed by its pinned node', () => {
    const event = toObservation('Pod', 'MODIFIED', podFixture(), AT, 'c');

    expect(event.type).toBe('PodObserved');
    expect(event.data).toMatchObject({
      nodeName: 'node-0001',
      owner: { name: 'log-collector', uid: 'ds-uid' },
      revisionHash: 'abc',
      templateGeneration: '3',
      phase: 'Running',
      ready: false,
      restartCount: 5,
      waitingReason: 'CrashLoopBackOff',
      startTime: '2025-01-02T03:04:05.000Z',
      deletionTimestamp: null,
    });
    expect(event.data).toHaveProperty('containers.1', {
      name: 'sidecar',
      image: 'busybox:1.36',
      imageID: 'docker.io/busybox@sha256:2',
      ready: true,
      restartCount: 1,
      waitingReason: null,
    });
    expect(partitionKeyOf(event)).toBe('node-0001');
  });

  it('given a pod without any node, when observed, then it falls back to namespace/name', () => {
    const pod = podFixture();
    pod.spec = { containers: [{ name: 'main', image: 'x' }] };

    expect(partitionKeyOf(toObservation('Pod', 'ADDED', pod, AT, 'c'))).toBe('kube-system/log-collector-x1');
  });

  it('given a PDB, when observed, then budget and status counts are kept', () => {
    const event = toObservation('PodDisruptionBudget', 'ADDED', pdbFixture(), AT, 'c');

    expect(event.type).toBe('PdbObserved');
    expect(event.data).toMatchObject({
      minAvailable: 4,
      maxUnavailable: null,
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
      generation: 2,
      observedGeneration: 2,
      status: { disruptionsAllowed: 1, currentHealthy: 5, desiredHealthy: 4, expectedPods: 5 },
    });
  });

  it('given a deletion with a deletionTimestamp, when observed, then it is a Deleted event at that time', () => {
    const pod = podFixture();
    pod.metadata!.deletionTimestamp = new Date('2025-01-31T23:59:00Z');

    const event = toObservation('Pod', 'DELETED', pod, AT, 'c');

    expect(event.type).toBe('PodDeleted');
    expect(event.occurredAt).toBe('2025-01-31T23:59:00.000Z');
  });
});

describe('observation ids', () => {
  it('given the same object at the same resourceVersion, when watched then relisted later, then the ids match', () => {
    const watched = toObservation('Pod', 'ADDED', podFixture(), AT, 'a');
    const relisted = toObservation('Pod', 'RELISTED', podFixture(), '2025-03-01T00:00:00.000Z', 'b');

    expect(relisted.id).toBe(watched.id);
    expect(watched.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('given a new resourceVersion or a deletion, when observed, then the id changes', () => {
    const first = toObservation('Node', 'ADDED', nodeFixture(), AT, 'c');
    const changed = nodeFixture();
    changed.metadata!.resourceVersion = '11';

    const ids = new Set([
      first.id,
      toObservation('Node', 'MODIFIED', changed, AT, 'c').id,
      toObservation('Node', 'DELETED', nodeFixture(), AT, 'c').id,
      toObservation('Pod', 'ADDED', { ...podFixture(), metadata: { uid: 'node-uid', resourceVersion: '10' } }, AT, 'c')
        .id,
    ]);

    expect(ids.size).toBe(4);
  });
});

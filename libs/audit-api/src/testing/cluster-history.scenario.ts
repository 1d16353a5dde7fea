import type { Envelope, ObservedChange } from '#rollcall/domain';
import {
  atSecond as at,
  daemonSetObserved,
  nodeObserved,
  podObserved,
  revisionObserved,
  type Observed,
} from '#rollcall/testing';

export { at };

// The scenario's objects are at resourceVersion 1000 + second, each seen in a watch of its own.
const when = (second: number): Observed => ({
  resourceVersion: 1000 + second,
  second,
  correlationId: `scenario-${second}`,
});

const node = (
  name: string,
  second: number,
  labels: Record<string, string>,
  ready = true,
  change: ObservedChange = 'ADDED',
) =>
  nodeObserved(when(second), name, {
    ready,
    change,
    labels,
    taints: name === 'node-b' ? [{ key: 'dedicated', value: 'edge', effect: 'NoSchedule' }] : [],
  });

const revision = (second: number, number: number, hash: string) => revisionObserved(when(second), number, hash);

const daemonSet = (second: number, hash: string) =>
  daemonSetObserved(when(second), {
    image: `fluentd:${hash}`,
    generation: 3,
    updateStrategy: { type: 'OnDelete' },
    status: {
      desiredNumberScheduled: 3,
      currentNumberScheduled: 3,
      updatedNumberScheduled: 2,
      numberMisscheduled: 0,
      numberReady: 3,
      numberAvailable: 3,
    },
  });

const pod = (
  nodeName: string,
  uid: string,
  second: number,
  hash: string,
  change: ObservedChange = 'MODIFIED',
  restarts = 0,
) => podObserved(when(second), nodeName, uid, hash, { change, restarts });

/** A change ticket with an actor, as the orchestrator records it. */
const rolloutRequested: Envelope = {
  id: 'rollout-r1/1',
  type: 'RolloutRequested',
  schemaVersion: 1,
  occurredAt: at(19),
  observedAt: at(19),
  correlationId: 'rollout-r1',
  causationId: null,
  actor: { kind: 'user', id: 'alice', displayName: 'Alice' },
  data: { rolloutId: 'r1', namespace: 'ops', daemonSet: { name: 'log-collector' } },
};

/**
 * node-a runs log-collector on revision aaa (t 10..20), bbb (t 21..30), then ccc (from t 31), with
 * status updates in between; node-b runs ccc, node-c stays on aaa; node-e leaves at t 50.
 */
export const CLUSTER_HISTORY: readonly Envelope[] = [
  node('node-a', 1, { zone: 'a', tier: 'edge' }),
  node('node-b', 2, { zone: 'b' }, false),
  node('node-c', 3, { zone: 'a' }),
  node('node-d', 4, { zone: 'b', spot: 'true' }),
  node('node-e', 5, { zone: 'c' }),
  revision(6, 1, 'aaa'),
  pod('node-a', 'pod-a1', 10, 'aaa', 'ADDED'),
  pod('node-c', 'pod-c1', 11, 'aaa', 'ADDED'),
  pod('node-a', 'pod-a1', 15, 'aaa', 'MODIFIED', 1),
  revision(18, 2, 'bbb'),
  rolloutRequested,
  pod('node-a', 'pod-a1', 20, 'aaa', 'DELETED', 1),
  pod('node-a', 'pod-a2', 21, 'bbb', 'ADDED'),
  pod('node-a', 'pod-a2', 25, 'bbb', 'MODIFIED', 2),
  revision(28, 3, 'ccc'),
  daemonSet(29, 'ccc'),
  pod('node-a', 'pod-a2', 30, 'bbb', 'DELETED', 2),
  pod('node-a', 'pod-a3', 31, 'ccc', 'ADDED'),
  pod('node-b', 'pod-b1', 32, 'ccc', 'ADDED'),
  node('node-e', 50, { zone: 'c' }, true, 'DELETED'),
];

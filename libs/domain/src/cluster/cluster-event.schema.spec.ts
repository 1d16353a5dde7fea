import type { Envelope } from '../envelope.js';
import type { ClusterEvent } from './cluster.events.js';
import type { ClusterResourceKind, ObservedChange } from './cluster-resource.js';
import { clusterEventDataProblem, isClusterEventType } from './cluster-event.schema.js';
import { RelistTally, resyncStarted, type ResyncContext } from './resync-markers.js';
import { toObservation, type KubeObject } from './to-observation.js';
import {
  daemonSetFixture,
  nodeFixture,
  pdbFixture,
  podFixture,
  revisionFixture,
} from './testing/kube-objects.fixtures.js';

const AT = '2025-02-01T00:00:00.000Z';
const CHANGES: readonly ObservedChange[] = ['ADDED', 'MODIFIED', 'DELETED', 'RELISTED'];

// What the projector sees: the envelope after the JSON round trip, where undefined fields vanish.
const onTheWire = (event: Envelope): Envelope => JSON.parse(JSON.stringify(event)) as Envelope;

const unboundPod = () => ({ ...podFixture(), spec: { containers: [{ name: 'main' }] }, status: undefined });
const bareObjects: readonly [ClusterResourceKind, KubeObject][] = [
  ['Node', { metadata: { name: 'bare' } }],
  ['DaemonSet', {}],
  ['ControllerRevision', { revision: 1 }],
  ['Pod', {}],
  ['Pod', unboundPod()],
  ['PodDisruptionBudget', { spec: { maxUnavailable: '10%' } }],
];
const fixtures: readonly [ClusterResourceKind, () => KubeObject][] = [
  ['Node', nodeFixture],
  ['DaemonSet', daemonSetFixture],
  ['ControllerRevision', revisionFixture],
  ['Pod', podFixture],
  ['PodDisruptionBudget', pdbFixture],
];

const context: ResyncContext = {
  kind: 'Pod',
  relistId: 'relist-1',
  reason: 'Gone',
  observedAt: AT,
  correlationId: 'c',
};
const podObserved = () => toObservation('Pod', 'MODIFIED', podFixture(), AT, 'c');
const withData = (event: ClusterEvent, data: unknown): Envelope => ({ ...onTheWire(event), data });
const withoutField = (event: Envelope, field: string): Envelope => {
  const data = { ...(onTheWire(event).data as Record<string, unknown>) };
  delete data[field];
  return { ...event, data };
};

describe('clusterEventDataProblem', () => {
  it.each(fixtures.flatMap(([kind, make]) => CHANGES.map((change) => [kind, change, make] as const)))(
    'given the watcher observes a %s (%s), then its event fits its schema',
    (kind, change, make) => {
      expect(clusterEventDataProblem(onTheWire(toObservation(kind, change, make(), AT, 'c')))).toBeNull();
    },
  );

  it.each(bareObjects)('given a %s with most fields absent, then the defaults the watcher fills in fit', (kind, o) => {
    expect(clusterEventDataProblem(onTheWire(toObservation(kind, 'ADDED', o, AT, 'c')))).toBeNull();
  });

  it('given a relist, then its start, per-key and completion markers fit', () => {
    const tally = new RelistTally();
    tally.record(podObserved());
    const markers = [resyncStarted(context), ...tally.closingMarkers(context, '99')];

    expect(markers.map((marker) => clusterEventDataProblem(onTheWire(marker)))).toEqual([null, null, null]);
  });

  it('given a ResyncCompleted whose kind is not a resource kind, then the reason names data.kind and the kinds', () => {
    const [completed] = new RelistTally().closingMarkers(context, '99');

    expect(clusterEventDataProblem(withData(completed, { ...completed.data, kind: 'Deployment' }))).toBe(
      'data.kind: Invalid option: expected one of "Node"|"DaemonSet"|"ControllerRevision"|"Pod"|"PodDisruptionBudget"',
    );
  });

  it('given a PodObserved without nodeName and namespace, then the reason names both fields', () => {
    const problem = clusterEventDataProblem(withoutField(withoutField(podObserved(), 'nodeName'), 'namespace'));

    expect(problem).toMatch(/data\.namespace: missing/);
    expect(problem).toMatch(/data\.nodeName: missing/);
  });

  it.each([
    ['a string', 'pod went away', /^data: Invalid input: expected object, received string$/],
    ['null', null, /^data: Invalid input: expected object, received null$/],
    ['an array', [1], /^data: Invalid input: expected object, received array$/],
  ])('given data that is %s, then the reason names data itself', (_, data, reason) => {
    expect(clusterEventDataProblem(withData(podObserved(), data))).toMatch(reason);
  });

  it.each([
    ['a fractional restart count', { restartCount: 1.5 }, /^data\.restartCount: /],
    ['a container without an image', { containers: [{ name: 'x' }] }, /^data\.containers\[0\]\.image: missing/],
    ['a text readiness', { ready: 'yes' }, /^data\.ready: .*expected boolean/],
    ['an unknown change', { change: 'UPDATED' }, /^data\.change: Invalid option/],
    ['an owner without uid', { owner: { name: 'ds' } }, /^data\.owner\.uid: missing/],
  ])('given a pod with %s, then the reason names the field', (_, patch, reason) => {
    const event = podObserved();

    expect(clusterEventDataProblem(withData(event, { ...event.data, ...patch }))).toMatch(reason);
  });

  it('given a node whose label value is a number, then the reason names the label', () => {
    const event = toObservation('Node', 'ADDED', nodeFixture(), AT, 'c');

    expect(clusterEventDataProblem(withData(event, { ...event.data, labels: { zone: 3 } }))).toMatch(
      /^data\.labels\.zone: /,
    );
  });

  it('given fields a newer watcher added, then the event still fits', () => {
    const event = podObserved();

    expect(clusterEventDataProblem(withData(event, { ...event.data, qosClass: 'Burstable' }))).toBeNull();
  });

  it('given an event of another stream, then it is not judged here', () => {
    expect(isClusterEventType('RolloutStarted')).toBe(false);
    expect(isClusterEventType('toString')).toBe(false);
    expect(clusterEventDataProblem({ ...podObserved(), type: 'RolloutStarted', data: 'anything' })).toBeNull();
  });
});

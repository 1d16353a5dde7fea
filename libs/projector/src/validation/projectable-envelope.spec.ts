import { RelistTally, resyncStarted, type ClusterEvent, type Envelope, type ResyncContext } from '#rollcall/domain';
import {
  atSecond,
  daemonSetEvent,
  nodeEvent,
  nodeObserved,
  podEvent,
  podObserved,
  revisionEvent,
} from '#rollcall/testing';
import { unprojectableReason } from './projectable-envelope.js';

const onTheWire = (event: Envelope): Envelope => JSON.parse(JSON.stringify(event)) as Envelope;

const relist: ResyncContext = {
  kind: 'Node',
  relistId: 'relist-7',
  reason: 'Start',
  observedAt: atSecond(50),
  correlationId: 'c',
};
const observed = { resourceVersion: 40, second: 40, correlationId: 'c' };

function watcherEvents(): ClusterEvent[] {
  const tally = new RelistTally();
  const nodes = [
    nodeEvent('node-a', 10),
    nodeEvent('node-b', 11, false, 'DELETED'),
    nodeObserved(observed, 'node-c', { taints: [{ key: 'gpu', effect: 'NoSchedule' }], labels: { zone: 'b' } }),
  ];
  nodes.forEach((node) => tally.record(node));
  return [
    resyncStarted(relist),
    ...nodes,
    daemonSetEvent(20, 'fluentd:v2'),
    revisionEvent(21, 3, 'abc'),
    podEvent('node-a', 'pod-1', 30, 'abc'),
    podEvent('node-a', 'pod-1', 31, 'abc', 'DELETED'),
    podObserved(observed, 'node-c', 'pod-2', 'abc', { restarts: 4 }),
    ...tally.closingMarkers(relist, '60'),
  ];
}

const rolloutEvent = (data: unknown): Envelope => ({
  ...onTheWire(nodeEvent('n', 1)),
  id: 'ro-1/3',
  type: 'NodeEvictionRequested',
  data,
});

describe('unprojectableReason', () => {
  it('given every kind of event the cluster fixtures make, then each can be projected', () => {
    const events = watcherEvents();

    expect(new Set(events.map((event) => event.type)).size).toBe(9);
    expect(events.map((event) => unprojectableReason(onTheWire(event)))).toEqual(events.map(() => null));
  });

  it('given a cluster event with malformed data, then the reason names the field', () => {
    const event = onTheWire(podEvent('node-a', 'pod-1', 30, 'abc'));

    expect(unprojectableReason({ ...event, data: { ...(event.data as object), ready: 'yes' } })).toMatch(
      /^data\.ready: /,
    );
  });

  it('given a cluster event whose time PostgreSQL could not read, then the reason names the envelope field', () => {
    const event = onTheWire(nodeEvent('node-a', 10));

    expect(unprojectableReason({ ...event, observedAt: 'yesterday' })).toBe(
      'envelope.observedAt: Invalid ISO datetime',
    );
    expect(unprojectableReason({ ...event, occurredAt: '2025-01-01T02:00:00+02:00' })).toBeNull();
  });

  it('given a rollout or API event whose data is an object with text index fields, then it can be recorded', () => {
    const requested = {
      type: 'RolloutRequested',
      rolloutId: 'ro-1',
      daemonSet: { namespace: 'ops', name: 'log-collector' },
    };

    expect(unprojectableReason(rolloutEvent({ type: 'NodeEvictionRequested', rolloutId: 'ro-1', node: 'n' }))).toBe(
      null,
    );
    expect(unprojectableReason(rolloutEvent(requested))).toBeNull();
    expect(unprojectableReason({ ...rolloutEvent({ action: 'token.created', name: 'ci', roles: [] }) })).toBeNull();
  });

  it.each([
    ['a string', 'evicted', /^data: Invalid input: expected object, received string$/],
    ['null', null, /^data: Invalid input: expected object, received null$/],
    ['a numeric rollout id', { rolloutId: 7 }, /^data\.rolloutId: /],
    ['a node that is an object', { node: { name: 'n' } }, /^data\.node: /],
    ['a DaemonSet without a text name', { daemonSet: { name: 3 } }, /^data\.daemonSet\.name: /],
  ])('given another stream with data that is %s, then the reason names the field', (_, data, reason) => {
    expect(unprojectableReason(rolloutEvent(data))).toMatch(reason);
  });

  it('given an event with U+0000 in a value or a key, then the reason names where (the batch could never commit)', () => {
    const event = onTheWire(podEvent('node-a', 'pod-1', 30, 'abc'));
    const data = event.data as Record<string, unknown>;

    expect(unprojectableReason({ ...event, data: { ...data, name: 'log-collector\u0000' } })).toBe(
      'envelope.data.name: holds U+0000 or a lone surrogate, which PostgreSQL cannot store',
    );
    expect(unprojectableReason({ ...event, data: { ...data, containers: [{ 'image\u0000': 'x' }] } })).toBe(
      'envelope.data.containers[0] (a key): holds U+0000 or a lone surrogate, which PostgreSQL cannot store',
    );
    expect(unprojectableReason({ ...event, correlationId: '\u0000' })).toMatch(/^envelope\.correlationId: /);
  });
});

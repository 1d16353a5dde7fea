import { nodeEvent, podEvent } from '../testing/cluster-events.fixtures.js';
import { historyContentOf, indexedFieldsOf } from './history-content.js';

describe('history content', () => {
  it('indexes a pod by node, namespace and DaemonSet', () => {
    expect(indexedFieldsOf(podEvent('node-a', 'pod-1', 3, 'abc'))).toEqual({
      node: 'node-a',
      namespace: 'ops',
      daemonset: 'log-collector',
      rolloutId: null,
    });
  });

  it('indexes a rollout event by its rollout id and keeps the actor', () => {
    const envelope = { ...nodeEvent('n', 1), type: 'RolloutStarted', data: { rolloutId: 'r-1' } };
    expect(indexedFieldsOf(envelope)).toMatchObject({ node: null, rolloutId: 'r-1' });
  });

  it('indexes a rollout request by the DaemonSet its spec names', () => {
    const envelope = {
      ...nodeEvent('n', 1),
      type: 'RolloutRequested',
      data: { rolloutId: 'r-1', spec: { daemonSet: { namespace: 'ops', name: 'log-collector' } } },
    };
    expect(indexedFieldsOf(envelope)).toEqual({
      node: null,
      namespace: 'ops',
      daemonset: 'log-collector',
      rolloutId: 'r-1',
    });
  });

  it('stores times as UTC with milliseconds, falling back to the recording time when unreadable', () => {
    const envelope = { ...nodeEvent('n', 1), occurredAt: '2025-01-01T02:00:00+02:00', observedAt: 'yesterday' };
    const content = historyContentOf(envelope, '2025-02-01T00:00:00.000Z');
    expect(content.occurredAt).toBe('2025-01-01T00:00:00.000Z');
    expect(content.observedAt).toBe('2025-02-01T00:00:00.000Z');
  });
});

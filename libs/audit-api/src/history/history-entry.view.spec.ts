import { appendToChain, EMPTY_CHAIN_HEAD, hashEntry } from '#rollcall/domain';
import { toHistoryEntryView, type HistoryEntryRow } from './history-entry.view.js';

describe('toHistoryEntryView', () => {
  const content = {
    eventId: 'Pod/pod-1/30/present',
    type: 'PodObserved',
    schemaVersion: 1,
    occurredAt: '2025-01-01T00:00:30.000Z',
    observedAt: '2025-01-01T00:00:30.500Z',
    recordedAt: '2025-01-01T00:00:31.000Z',
    node: 'node-a',
    namespace: 'ops',
    daemonset: 'log-collector',
    rolloutId: null,
    actor: null,
    correlationId: 'watch-1',
    causationId: null,
    data: { name: 'log-collector-1', uid: 'pod-1' },
  };
  const [entry] = appendToChain(EMPTY_CHAIN_HEAD, 'rollcall.cluster.v1/0', [content]).entries;
  const row: HistoryEntryRow = {
    chain: entry.chain,
    seq: String(entry.seq),
    event_id: entry.eventId,
    type: entry.type,
    schema_version: entry.schemaVersion,
    occurred_at: new Date(entry.occurredAt),
    observed_at: new Date(entry.observedAt),
    recorded_at: new Date(entry.recordedAt),
    node: entry.node,
    namespace: entry.namespace,
    daemonset: entry.daemonset,
    rollout_id: entry.rolloutId,
    actor: entry.actor,
    correlation_id: entry.correlationId,
    causation_id: entry.causationId,
    data: entry.data,
    prev_hash: entry.prevHash,
    hash: entry.hash,
    occurred_us: '1735689630000000',
  };

  it('shows every hashed field, so the hash recomputes from the response alone', () => {
    const view = toHistoryEntryView(row);

    expect(view).not.toHaveProperty('occurred_us');
    expect(view).toMatchObject({ id: content.eventId, seq: 1, occurredAt: content.occurredAt });
    expect(hashEntry(view.prevHash, { ...view, eventId: view.id })).toBe(view.hash);
  });

  it('yields a different hash when a shown field was changed', () => {
    const view = toHistoryEntryView({ ...row, node: 'node-b' });

    expect(hashEntry(view.prevHash, { ...view, eventId: view.id })).not.toBe(view.hash);
  });
});

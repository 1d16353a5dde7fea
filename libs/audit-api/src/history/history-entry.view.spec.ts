import { GENESIS_HASH, hashEntry } from '#rollcall/domain';
import { historyEntryOf } from '#rollcall/projector';
import { toHistoryEntryView, type HistoryEntryRow } from './history-entry.view.js';

describe('toHistoryEntryView', () => {
  const unhashed: HistoryEntryRow = {
    chain: 'rollcall.cluster.v1/0',
    seq: '1',
    event_id: 'Pod/pod-1/30/present',
    type: 'PodObserved',
    schema_version: 1,
    occurred_at: new Date('2025-01-01T00:00:30.000Z'),
    observed_at: new Date('2025-01-01T00:00:30.500Z'),
    recorded_at: new Date('2025-01-01T00:00:31.000Z'),
    node: 'node-a',
    namespace: 'ops',
    daemonset: 'log-collector',
    rollout_id: null,
    actor: null,
    correlation_id: 'watch-1',
    causation_id: null,
    data: { name: 'log-collector-1', uid: 'pod-1' },
    prev_hash: GENESIS_HASH,
    hash: '',
    occurred_us: '1735689630000000',
  };
  // Hashed as the projector reads its rows back, so the view is checked against the chain's own mapping.
  const row: HistoryEntryRow = { ...unhashed, hash: hashEntry(GENESIS_HASH, historyEntryOf(unhashed)) };

  it('shows every hashed field, so the hash recomputes from the response alone', () => {
    const view = toHistoryEntryView(row);

    expect(view).not.toHaveProperty('occurred_us');
    expect(view).toMatchObject({ id: row.event_id, seq: 1, occurredAt: '2025-01-01T00:00:30.000Z' });
    expect(hashEntry(view.prevHash, { ...view, eventId: view.id })).toBe(view.hash);
  });

  it('yields a different hash when a shown field was changed', () => {
    const view = toHistoryEntryView({ ...row, node: 'node-b' });

    expect(hashEntry(view.prevHash, { ...view, eventId: view.id })).not.toBe(view.hash);
  });
});

import { toDaemonSetView, type DaemonSetRow } from './daemonset.view.js';

const row: DaemonSetRow = {
  namespace: 'ops',
  name: 'log-collector',
  uid: 'ds-uid',
  generation: '4',
  observed_generation: '3',
  update_strategy: { type: 'RollingUpdate', maxUnavailable: 1, maxSurge: 0 },
  selector: { matchLabels: { app: 'log-collector' }, matchExpressions: [] },
  containers: [{ name: 'fluentd', image: 'fluentd:ccc' }],
  images: ['fluentd:ccc'],
  template_generation: '4',
  change_cause: null,
  status: {
    desiredNumberScheduled: 3,
    currentNumberScheduled: 3,
    updatedNumberScheduled: 1,
    numberReady: 3,
    numberAvailable: 3,
    numberUnavailable: 0,
    numberMisscheduled: 0,
  },
  status_trusted: false,
  current_revision_hash: 'ccc',
  current_revision_number: '3',
  last_seen_at: new Date('2025-01-01T00:00:29Z'),
  deleted_at: null,
};

describe('toDaemonSetView', () => {
  it('turns bigint columns into numbers and says whether the status counts can be trusted', () => {
    expect(toDaemonSetView(row)).toMatchObject({
      generation: 4,
      observedGeneration: 3,
      currentRevision: { hash: 'ccc', number: 3 },
      status: { updatedNumberScheduled: 1, trusted: false },
      lastSeenAt: '2025-01-01T00:00:29.000Z',
      deletedAt: null,
    });
  });

  it('has no current revision before any ControllerRevision was observed', () => {
    const view = toDaemonSetView({ ...row, current_revision_hash: null, current_revision_number: null });

    expect(view.currentRevision).toBeNull();
    expect(view).not.toHaveProperty('current_revision_number');
  });
});

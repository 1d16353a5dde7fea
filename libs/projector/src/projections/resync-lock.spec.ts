import { RelistTally } from '#rollcall/domain';
import { daemonSetEvent, nodeEvent, podEvent } from '../testing/cluster-events.fixtures.js';
import { allKindsExclusive, resyncLockModes } from './resync-lock.js';

const closingMarkers = (kind: 'Node' | 'Pod') => {
  const tally = new RelistTally();
  tally.record(nodeEvent('node-a', 5));
  const context = {
    kind,
    relistId: 'r',
    reason: 'Gone' as const,
    observedAt: '2025-01-01T00:00:00.000Z',
    correlationId: 'c',
  };
  return tally.closingMarkers(context, '9');
};

describe('resyncLockModes', () => {
  it('shares the lock of every observed kind', () => {
    const modes = resyncLockModes([nodeEvent('node-a', 1), podEvent('node-a', 'p', 2, 'abc'), daemonSetEvent(3, 'x')]);
    expect(Object.fromEntries(modes)).toEqual({ Node: 'shared', Pod: 'shared', DaemonSet: 'shared' });
  });

  it('takes a completed kind exclusive, whether its observations come before or after the completion', () => {
    const modes = resyncLockModes([nodeEvent('node-a', 1), ...closingMarkers('Node'), nodeEvent('node-b', 2)]);
    expect(Object.fromEntries(modes)).toEqual({ Node: 'exclusive' });
  });

  it('locks nothing for partition markers alone, which follow their key on its own partition', () => {
    expect(resyncLockModes(closingMarkers('Pod').filter((marker) => marker.type !== 'ResyncCompleted')).size).toBe(0);
  });

  it('ignores events of other streams', () => {
    const other = { ...nodeEvent('node-a', 1), type: 'RolloutStarted' };
    expect(resyncLockModes([other]).size).toBe(0);
  });

  it('takes every kind exclusive for a rebuild', () => {
    expect([...allKindsExclusive().values()]).toEqual([
      'exclusive',
      'exclusive',
      'exclusive',
      'exclusive',
      'exclusive',
    ]);
  });
});

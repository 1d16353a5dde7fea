import { partitionKeyOf } from './partition-key.js';
import { RelistTally, resyncStarted, type ResyncContext } from './resync-markers.js';
import { toObservation } from './to-observation.js';
import { podFixture } from './testing/kube-objects.fixtures.js';

const context: ResyncContext = {
  kind: 'Pod',
  relistId: 'relist-1',
  reason: 'Gone',
  observedAt: '2025-02-01T00:00:00.000Z',
  correlationId: 'corr',
};

const podOn = (node: string, uid: string) => {
  const pod = podFixture();
  pod.metadata = { ...pod.metadata, uid, name: `p-${uid}` };
  pod.spec = { ...pod.spec!, nodeName: node };
  return toObservation('Pod', 'RELISTED', pod, context.observedAt, 'corr');
};

describe('resync markers', () => {
  it('given a relist of pods on two nodes, when closed, then one marker per node lists its uids, then the completion', () => {
    const tally = new RelistTally();
    [podOn('node-b', 'u3'), podOn('node-a', 'u2'), podOn('node-a', 'u1')].forEach((event) => tally.record(event));

    const markers = tally.closingMarkers(context, '777');

    expect(markers.map((marker) => [marker.type, partitionKeyOf(marker)])).toEqual([
      ['ResyncPartitionSeen', 'node-a'],
      ['ResyncPartitionSeen', 'node-b'],
      ['ResyncCompleted', 'resync/Pod'],
    ]);
    expect(markers[0].data).toEqual({ kind: 'Pod', relistId: 'relist-1', partitionKey: 'node-a', uids: ['u1', 'u2'] });
    expect(markers[2].data).toEqual({
      kind: 'Pod',
      relistId: 'relist-1',
      reason: 'Gone',
      resourceVersion: '777',
      count: 3,
      partitionKeys: ['node-a', 'node-b'],
    });
  });

  it('given an empty relist, when closed, then only the completion is published, with no keys', () => {
    const markers = new RelistTally().closingMarkers(context, '5');

    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({ type: 'ResyncCompleted', data: { count: 0, partitionKeys: [] } });
  });

  it('given the same relist, when markers are rebuilt, then ids are stable and distinct per marker', () => {
    const started = resyncStarted(context);
    const tally = new RelistTally();
    tally.record(podOn('node-a', 'u1'));
    const first = tally.closingMarkers(context, '9').map((marker) => marker.id);
    const again = tally.closingMarkers(context, '9').map((marker) => marker.id);

    expect(started).toMatchObject({
      type: 'ResyncStarted',
      data: { kind: 'Pod', relistId: 'relist-1', reason: 'Gone' },
    });
    expect(partitionKeyOf(started)).toBe('resync/Pod');
    expect(again).toEqual(first);
    expect(new Set([started.id, ...first]).size).toBe(3);
    expect(resyncStarted({ ...context, relistId: 'relist-2' }).id).not.toBe(started.id);
  });
});

import { evictionOutcome } from './eviction-outcome.js';
import type { KubeFailure } from './kube-failure.js';

const target = { node: 'node-1', podUid: 'uid-1' };
const now = '2030-01-01T00:00:00.000Z';
const failure = (status: number | null, message: string, causes: KubeFailure['causes'] = []): KubeFailure => ({
  status,
  message,
  causes,
});

describe('evictionOutcome', () => {
  it('reports an accepted eviction as PodEvicted', () => {
    expect(evictionOutcome(target, now, null)).toEqual({ type: 'PodEvicted', now, node: 'node-1', podUid: 'uid-1' });
  });

  it('reads a 429 with a DisruptionBudget cause as blocked by that PDB', () => {
    const refused = failure(429, "Cannot evict pod as it would violate the pod's disruption budget.", [
      { reason: 'DisruptionBudget', message: 'The disruption budget guarded needs 4 healthy pods and has 4 currently' },
    ]);
    expect(evictionOutcome(target, now, refused)).toEqual({
      type: 'EvictionBlockedByPdb',
      now,
      node: 'node-1',
      podUid: 'uid-1',
      pdb: 'guarded',
      message: 'The disruption budget guarded needs 4 healthy pods and has 4 currently',
    });
  });

  it.each([
    [429, 'Too many requests', 'RateLimited'],
    [404, 'pods "x" not found', 'PodNotFound'],
    [409, 'Precondition failed: UID in precondition: a, UID in object meta: b', 'PreconditionFailed'],
    [
      500,
      'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
      'MultiplePdbs',
    ],
    [403, 'forbidden', 'Refused'],
  ])('maps status %i to EvictionFailed %s', (status, message, reason) => {
    expect(evictionOutcome(target, now, failure(status, message))).toMatchObject({ type: 'EvictionFailed', reason });
  });

  it.each([
    [null, 'connect ECONNREFUSED'],
    [503, 'service unavailable'],
    [500, 'etcd timeout'],
  ])('asks to try again later on a transient failure (%s)', (status, message) => {
    expect(evictionOutcome(target, now, failure(status, message))).toBeNull();
  });
});

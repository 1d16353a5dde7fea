import { InMemoryClusterStore } from '../store/index.js';
import { evictionStatus, evictWithoutBudgets, parseEviction } from './eviction-request.js';

describe('eviction subresource', () => {
  it('maps each outcome to the Status the real API server sends', () => {
    expect(evictionStatus({ kind: 'evicted' }, 'p')).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      code: 201,
    });
    expect(
      evictionStatus(
        { kind: 'blocked-by-pdb', message: 'The disruption budget log needs 9 healthy pods and has 9 currently' },
        'p',
      ),
    ).toMatchObject({
      code: 429,
      reason: 'TooManyRequests',
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      details: {
        causes: [
          { reason: 'DisruptionBudget', message: 'The disruption budget log needs 9 healthy pods and has 9 currently' },
        ],
      },
    });
    expect(
      evictionStatus({ kind: 'too-many-pdbs', message: 'This pod has more than one PodDisruptionBudget' }, 'p'),
    ).toMatchObject({
      code: 500,
      reason: 'InternalError',
    });
    expect(evictionStatus({ kind: 'not-found' }, 'p')).toMatchObject({
      code: 404,
      reason: 'NotFound',
      message: 'pods "p" not found',
    });
    expect(evictionStatus({ kind: 'conflict', message: 'uid differs' }, 'p')).toMatchObject({
      code: 409,
      reason: 'Conflict',
    });
  });

  it('reads preconditions and dryRun from the Eviction body and the query', () => {
    const body = JSON.stringify({
      apiVersion: 'policy/v1',
      kind: 'Eviction',
      metadata: { name: 'p' },
      deleteOptions: { preconditions: { uid: 'u1' }, dryRun: ['All'] },
    });
    expect(parseEviction(body, { namespace: 'ns', name: 'p' }, [])).toEqual({
      namespace: 'ns',
      name: 'p',
      preconditions: { uid: 'u1' },
      gracePeriodSeconds: undefined,
      dryRun: true,
    });
    expect(parseEviction('{"metadata":{}}', { namespace: 'ns', name: 'p' }, ['All']).dryRun).toBe(true);
    expect(() => parseEviction('{"metadata":{"name":"other"}}', { namespace: 'ns', name: 'p' }, [])).toThrow(
      /does not match/,
    );
  });

  it('deletes the pod when no disruption rules are configured, honouring the uid precondition and dry run', () => {
    const store = new InMemoryClusterStore({ seedNamespaces: false });
    const pod = store.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'ns' },
      spec: {},
    });
    const evict = evictWithoutBudgets(store);
    expect(evict({ namespace: 'ns', name: 'p', preconditions: { uid: 'other' }, dryRun: false }).kind).toBe('conflict');
    expect(evict({ namespace: 'ns', name: 'p', dryRun: true }).kind).toBe('evicted');
    expect(store.get('pods', 'ns', 'p')).toBeDefined();
    expect(evict({ namespace: 'ns', name: 'p', preconditions: { uid: pod.metadata.uid }, dryRun: false }).kind).toBe(
      'evicted',
    );
    expect(store.get('pods', 'ns', 'p')).toBeUndefined();
    expect(evict({ namespace: 'ns', name: 'p', dryRun: false }).kind).toBe('not-found');
  });
});

import { claimedLeaseSpec, isLeaseFree, leaseRecordOf, microTimeOf } from './lease-record.js';

const now = new Date('2025-01-01T00:00:10.250Z');
const NOW = '2025-01-01T00:00:10.250000Z';
const EPOCH = '1970-01-01T00:00:00.000000Z';

describe('lease record', () => {
  it('given a lease held by another, when claimed, then the holder changes and a transition is counted', () => {
    const current = { holderIdentity: 'a', leaseTransitions: 2, acquireTime: EPOCH, renewTime: EPOCH };

    expect(claimedLeaseSpec(current, { identity: 'b', leaseDurationSeconds: 15, now })).toEqual({
      holderIdentity: 'b',
      leaseDurationSeconds: 15,
      acquireTime: NOW,
      renewTime: NOW,
      leaseTransitions: 3,
    });
  });

  it('given our own lease, when renewed, then acquireTime and transitions stay', () => {
    const current = { holderIdentity: 'a', leaseTransitions: 2, acquireTime: EPOCH, renewTime: EPOCH };

    expect(claimedLeaseSpec(current, { identity: 'a', leaseDurationSeconds: 15, now })).toMatchObject({
      acquireTime: EPOCH,
      renewTime: NOW,
      leaseTransitions: 2,
    });
    expect(claimedLeaseSpec(undefined, { identity: 'a', leaseDurationSeconds: 15, now }).leaseTransitions).toBe(0);
  });

  it('given a time, when written as MicroTime, then it has the six fractional digits the API server parses', () => {
    expect(microTimeOf(now)).toBe(NOW);
    expect(microTimeOf(new Date(0))).toBe(EPOCH);
  });

  it('given a holder whose record has not changed for a lease duration, when checked, then the lease is free', () => {
    const spec = { holderIdentity: 'a', leaseDurationSeconds: 2, renewTime: EPOCH };

    expect(isLeaseFree(spec, 1_000, 2_999)).toBe(false);
    expect(isLeaseFree(spec, 1_000, 3_000)).toBe(true);
    expect(isLeaseFree({ holderIdentity: undefined }, 5_000, 5_000)).toBe(true);
    expect(leaseRecordOf(spec)).not.toBe(leaseRecordOf({ ...spec, renewTime: '1970-01-01T00:00:00.001000Z' }));
  });
});

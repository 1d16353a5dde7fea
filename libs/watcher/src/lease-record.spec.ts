import { claimedLeaseSpec, isLeaseFree, leaseRecordOf } from './lease-record.js';

const now = new Date('2025-01-01T00:00:10Z');

describe('lease record', () => {
  it('given a lease held by another, when claimed, then the holder changes and a transition is counted', () => {
    const current = { holderIdentity: 'a', leaseTransitions: 2, acquireTime: new Date(0), renewTime: new Date(0) };

    expect(claimedLeaseSpec(current, { identity: 'b', leaseDurationSeconds: 15, now })).toEqual({
      holderIdentity: 'b',
      leaseDurationSeconds: 15,
      acquireTime: now,
      renewTime: now,
      leaseTransitions: 3,
    });
  });

  it('given our own lease, when renewed, then acquireTime and transitions stay', () => {
    const current = { holderIdentity: 'a', leaseTransitions: 2, acquireTime: new Date(0), renewTime: new Date(0) };

    expect(claimedLeaseSpec(current, { identity: 'a', leaseDurationSeconds: 15, now })).toMatchObject({
      acquireTime: new Date(0),
      renewTime: now,
      leaseTransitions: 2,
    });
    expect(claimedLeaseSpec(undefined, { identity: 'a', leaseDurationSeconds: 15, now }).leaseTransitions).toBe(0);
  });

  it('given a holder whose record has not changed for a lease duration, when checked, then the lease is free', () => {
    const spec = { holderIdentity: 'a', leaseDurationSeconds: 2, renewTime: new Date(0) };

    expect(isLeaseFree(spec, 1_000, 2_999)).toBe(false);
    expect(isLeaseFree(spec, 1_000, 3_000)).toBe(true);
    expect(isLeaseFree({ holderIdentity: undefined }, 5_000, 5_000)).toBe(true);
    expect(leaseRecordOf(spec)).not.toBe(leaseRecordOf({ ...spec, renewTime: new Date(1) }));
  });
});

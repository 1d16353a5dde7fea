import type { V1LeaseSpec } from '@kubernetes/client-node';

/** The part of a Lease that changes on every renewal; an unchanged record means a silent holder. */
export const leaseRecordOf = (spec: V1LeaseSpec | undefined): string =>
  JSON.stringify([
    spec?.holderIdentity ?? '',
    spec?.renewTime ? new Date(spec.renewTime).getTime() : 0,
    spec?.leaseTransitions ?? 0,
  ]);

export interface LeaseClaim {
  readonly identity: string;
  readonly leaseDurationSeconds: number;
  readonly now: Date;
}

/** The spec to write when `identity` renews or takes the lease; a new holder counts a transition. */
export const claimedLeaseSpec = (current: V1LeaseSpec | undefined, claim: LeaseClaim): V1LeaseSpec => {
  const renewing = current?.holderIdentity === claim.identity;
  return {
    holderIdentity: claim.identity,
    leaseDurationSeconds: claim.leaseDurationSeconds,
    acquireTime: renewing && current?.acquireTime ? current.acquireTime : claim.now,
    renewTime: claim.now,
    leaseTransitions: renewing ? (current?.leaseTransitions ?? 0) : (current?.leaseTransitions ?? -1) + 1,
  };
};

/**
 * Free when nobody holds it, or when its record has not changed for a whole lease duration of our
 * own clock (as client-go does, so clock skew between holders does not matter).
 */
export const isLeaseFree = (spec: V1LeaseSpec | undefined, recordUnchangedSinceMs: number, nowMs: number): boolean =>
  !spec?.holderIdentity || nowMs - recordUnchangedSinceMs >= (spec.leaseDurationSeconds ?? 0) * 1000;

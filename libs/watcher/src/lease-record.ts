/** A coordination.k8s.io/v1 LeaseSpec as the API server's JSON; its times are MicroTime strings. */
export interface LeaseSpec {
  readonly holderIdentity?: string;
  readonly leaseDurationSeconds?: number;
  readonly acquireTime?: string;
  readonly renewTime?: string;
  readonly leaseTransitions?: number;
}

/** Kubernetes MicroTime: RFC 3339 with exactly six fractional digits (Go parses it with a fixed layout). */
export const microTimeOf = (date: Date): string => date.toISOString().replace(/Z$/, '000Z');

/** The part of a Lease that changes on every renewal; an unchanged record means a silent holder. */
export const leaseRecordOf = (spec: LeaseSpec | undefined): string =>
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
export const claimedLeaseSpec = (current: LeaseSpec | undefined, claim: LeaseClaim): LeaseSpec => {
  const renewing = current?.holderIdentity === claim.identity;
  const now = microTimeOf(claim.now);
  return {
    holderIdentity: claim.identity,
    leaseDurationSeconds: claim.leaseDurationSeconds,
    acquireTime: renewing && current?.acquireTime ? current.acquireTime : now,
    renewTime: now,
    leaseTransitions: renewing ? (current?.leaseTransitions ?? 0) : (current?.leaseTransitions ?? -1) + 1,
  };
};

/**
 * Free when nobody holds it, or when its record has not changed for a whole lease duration of our
 * own clock (as client-go does, so clock skew between holders does not matter).
 */
export const isLeaseFree = (spec: LeaseSpec | undefined, recordUnchangedSinceMs: number, nowMs: number): boolean =>
  !spec?.holderIdentity || nowMs - recordUnchangedSinceMs >= (spec.leaseDurationSeconds ?? 0) * 1000;

import { CoordinationV1Api, V1MicroTime, type KubeConfig, type V1Lease } from '@kubernetes/client-node';
import { abortableSleep, httpStatusOf } from '#rollcall/kube';
import { claimedLeaseSpec, isLeaseFree, leaseRecordOf } from './lease-record.js';

export interface LeaseElectorOptions {
  readonly namespace: string;
  readonly name: string;
  readonly identity: string;
  readonly leaseDurationSeconds: number;
  /** How often the leader renews and a standby looks. */
  readonly retryPeriodMs: number;
  /** A leader that could not renew for this long stops leading (must be below the lease duration). */
  readonly renewDeadlineMs: number;
  readonly onStartedLeading: () => void | Promise<void>;
  readonly onStoppedLeading: () => void | Promise<void>;
  readonly onError?: (error: unknown) => void;
  readonly clock?: () => Date;
}

/** Leader election over a coordination.k8s.io/v1 Lease: acquire, renew, take over after expiry, release. */
export class LeaseElector {
  private readonly api: CoordinationV1Api;
  private readonly stopping = new AbortController();
  private running: Promise<void> | undefined;
  private leading = false;
  private lastRenewMs = 0;
  private observed = { record: '', sinceMs: 0 };

  constructor(
    kubeConfig: KubeConfig,
    private readonly options: LeaseElectorOptions,
  ) {
    this.api = kubeConfig.makeApiClient(CoordinationV1Api);
  }

  get isLeader(): boolean {
    return this.leading;
  }

  start(): void {
    this.running ??= this.run();
  }

  /** Stops campaigning; a leader hands the lease back so a standby takes over at once. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
    if (this.leading) {
      await this.release().catch((error: unknown) => this.options.onError?.(error));
      await this.setLeading(false);
    }
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }

  private async run(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      const acquired = await this.tryAcquireOrRenew().catch((error: unknown) => {
        this.options.onError?.(error);
        return null;
      });
      const nowMs = this.now().getTime();
      if (acquired === true) this.lastRenewMs = nowMs;
      if (this.stopping.signal.aborted) break;
      const keepsLead =
        acquired === true || (acquired === null && nowMs - this.lastRenewMs < this.options.renewDeadlineMs);
      await this.setLeading(this.leading ? keepsLead : acquired === true);
      await abortableSleep(this.options.retryPeriodMs, this.stopping.signal);
    }
  }

  private async setLeading(leading: boolean): Promise<void> {
    if (leading === this.leading) return;
    this.leading = leading;
    await (leading ? this.options.onStartedLeading() : this.options.onStoppedLeading());
  }

  /** True when we hold the lease after this round, false when someone else does. */
  private async tryAcquireOrRenew(): Promise<boolean> {
    const { namespace, name, identity, leaseDurationSeconds } = this.options;
    const now = this.now();
    const claim = { identity, leaseDurationSeconds, now: new V1MicroTime(now.getTime()) };
    const current = await this.readLease();
    if (current === null) {
      const body: V1Lease = { metadata: { name, namespace }, spec: claimedLeaseSpec(undefined, claim) };
      return this.writes(() => this.api.createNamespacedLease({ namespace, body }));
    }
    const record = leaseRecordOf(current.spec);
    if (record !== this.observed.record) this.observed = { record, sinceMs: now.getTime() };
    const mine = current.spec?.holderIdentity === identity;
    if (!mine && !isLeaseFree(current.spec, this.observed.sinceMs, now.getTime())) return false;
    const body: V1Lease = { metadata: current.metadata, spec: claimedLeaseSpec(current.spec, claim) };
    return this.writes(() => this.api.replaceNamespacedLease({ namespace, name, body }));
  }

  private async readLease(): Promise<V1Lease | null> {
    try {
      return await this.api.readNamespacedLease({ namespace: this.options.namespace, name: this.options.name });
    } catch (error) {
      if (httpStatusOf(error) === 404) return null;
      throw error;
    }
  }

  /** A 409 means another candidate wrote first (optimistic concurrency on resourceVersion). */
  private async writes(write: () => Promise<V1Lease>): Promise<boolean> {
    try {
      const written = await write();
      this.observed = { record: leaseRecordOf(written.spec), sinceMs: this.now().getTime() };
      return true;
    } catch (error) {
      if (httpStatusOf(error) === 409) return false;
      throw error;
    }
  }

  private async release(): Promise<void> {
    const { namespace, name } = this.options;
    const current = await this.readLease();
    if (current?.spec?.holderIdentity !== this.options.identity) return;
    const spec = { ...current.spec, holderIdentity: undefined, leaseDurationSeconds: 1 };
    await this.api.replaceNamespacedLease({ namespace, name, body: { metadata: current.metadata, spec } });
  }
}

import type { KubeConfig } from '@kubernetes/client-node/dist/config.js';
import { abortableSleep, httpStatusOf } from '#rollcall/kube';
import { LeaseApi, type Lease } from './lease-api.js';
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
  private readonly api: LeaseApi;
  private readonly stopping = new AbortController();
  private running: Promise<void> | undefined;
  private leading = false;
  private lastRenewMs = 0;
  private observed = { record: '', sinceMs: 0 };

  constructor(
    kubeConfig: KubeConfig,
    private readonly options: LeaseElectorOptions,
  ) {
    this.api = new LeaseApi(kubeConfig, options.namespace, options.name);
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
    const claim = { identity, leaseDurationSeconds, now };
    const current = await this.api.read();
    if (current === null) {
      return this.writes(() =>
        this.api.create({ metadata: { name, namespace }, spec: claimedLeaseSpec(undefined, claim) }),
      );
    }
    const record = leaseRecordOf(current.spec);
    if (record !== this.observed.record) this.observed = { record, sinceMs: now.getTime() };
    const mine = current.spec?.holderIdentity === identity;
    if (!mine && !isLeaseFree(current.spec, this.observed.sinceMs, now.getTime())) return false;
    return this.writes(() =>
      this.api.replace({ metadata: current.metadata, spec: claimedLeaseSpec(current.spec, claim) }),
    );
  }

  /** A 409 means another candidate wrote first (optimistic concurrency on resourceVersion). */
  private async writes(write: () => Promise<Lease>): Promise<boolean> {
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
    const current = await this.api.read();
    if (current?.spec?.holderIdentity !== this.options.identity) return;
    const spec = { ...current.spec, holderIdentity: undefined, leaseDurationSeconds: 1 };
    await this.api.replace({ metadata: current.metadata, spec });
  }
}

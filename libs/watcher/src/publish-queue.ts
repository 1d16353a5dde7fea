import type { BusMessage, EventBus } from '#rollcall/messaging';

export interface PublishQueueOptions {
  /** Most messages in one publish call. */
  readonly maxBatch: number;
  /** How long a message may wait for a fuller batch. */
  readonly lingerMs: number;
  /** Soft bound: past it `offer` answers false and watchers stop reading until half of it is free. */
  readonly capacity: number;
  readonly retryDelayMs: number;
  readonly onError?: (error: unknown) => void;
  /** Called with each batch the bus acknowledged. */
  readonly onPublished?: (batch: readonly BusMessage[]) => void;
}

/**
 * Batches messages to the bus in offer order (so per-key order holds) and bounds memory: the queue
 * holds at most `capacity` plus what readers had in hand when told to stop (one list page, one chunk).
 */
export class PublishQueue {
  private pending: BusMessage[] = [];
  private lingerTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private readyWaiters: (() => void)[] = [];
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly bus: EventBus,
    private readonly options: PublishQueueOptions,
  ) {}

  get size(): number {
    return this.pending.length;
  }

  offer(message: BusMessage): boolean {
    if (this.closed) return true;
    this.pending.push(message);
    if (this.pending.length >= this.options.maxBatch) this.flushSoon(0);
    else this.flushSoon(this.options.lingerMs);
    return this.pending.length < this.options.capacity;
  }

  whenReady(): Promise<void> {
    if (this.closed || this.pending.length < this.options.capacity / 2) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Resolves once everything offered so far is on the bus. */
  whenIdle(): Promise<void> {
    if (this.pending.length === 0 && !this.flushing) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops what is not yet published (the lease is lost: another watcher publishes from now on). */
  discard(): void {
    this.pending = [];
    this.wakeWaiters();
  }

  close(): void {
    this.closed = true;
    this.discard();
    clearTimeout(this.lingerTimer);
  }

  private flushSoon(delayMs: number): void {
    if (this.flushing) return;
    if (this.lingerTimer && delayMs > 0) return;
    clearTimeout(this.lingerTimer);
    this.lingerTimer = setTimeout(() => {
      this.lingerTimer = undefined;
      this.flushing = this.flush().finally(() => {
        this.flushing = undefined;
        if (this.pending.length > 0) this.flushSoon(0);
        this.wakeWaiters();
      });
    }, delayMs);
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0 && !this.closed) {
      const batch = this.pending.slice(0, this.options.maxBatch);
      try {
        await this.bus.publish(batch);
      } catch (error) {
        // At-least-once: keep the batch and retry; consumers de-duplicate by envelope id.
        this.options.onError?.(error);
        await new Promise((resolve) => setTimeout(resolve, this.options.retryDelayMs));
        continue;
      }
      this.options.onPublished?.(batch);
      // A discard while publishing replaced `pending`; only remove what this batch took.
      if (this.pending[0] === batch[0]) this.pending.splice(0, batch.length);
      if (this.pending.length < this.options.capacity / 2) this.wakeReady();
    }
  }

  private wakeReady(): void {
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    waiters.forEach((wake) => wake());
  }

  private wakeWaiters(): void {
    if (this.pending.length < this.options.capacity / 2) this.wakeReady();
    if (this.pending.length === 0 && !this.flushing) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach((wake) => wake());
    }
  }
}

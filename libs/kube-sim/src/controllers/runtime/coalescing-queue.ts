const RETRY_DELAY_MS = 500;

/**
 * Collects keys and processes each once per batch after a short delay, like a controller work
 * queue: a burst of 500 pod changes becomes one reconcile of their DaemonSet.
 */
export class CoalescingQueue<TKey> {
  private readonly pending = new Set<TKey>();
  private timer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly retries = new Set<TKey>();
  private stopped = false;

  constructor(
    private readonly process: (key: TKey) => void,
    private readonly batchDelayMs: number,
  ) {}

  add(key: TKey): void {
    if (this.stopped) return;
    this.pending.add(key);
    this.timer ??= setTimeout(() => this.flush(), this.batchDelayMs);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    this.pending.clear();
    this.retries.clear();
  }

  private flush(): void {
    this.timer = undefined;
    const keys = [...this.pending];
    this.pending.clear();
    for (const key of keys) {
      if (this.stopped) return;
      try {
        this.process(key);
      } catch (error) {
        console.error('kube-sim: a reconcile failed; retrying', error);
        this.retryLater(key);
      }
    }
  }

  // A failing key waits a while, so a persistent error cannot spin the event loop.
  private retryLater(key: TKey): void {
    this.retries.add(key);
    this.retryTimer ??= setTimeout(() => {
      this.retryTimer = undefined;
      for (const retried of this.retries) this.add(retried);
      this.retries.clear();
    }, RETRY_DELAY_MS);
  }
}

export interface ScheduledTask {
  cancel(): void;
}

interface Entry {
  readonly dueMs: number;
  readonly sequence: number;
  readonly run: () => void;
  cancelled: boolean;
}

const before = (left: Entry, right: Entry): boolean =>
  left.dueMs < right.dueMs || (left.dueMs === right.dueMs && left.sequence < right.sequence);

/** One min-heap of deadlines behind a single Node timer, so 15,000 pending pod starts cost one setTimeout. */
export class TimerQueue {
  private readonly heap: Entry[] = [];
  private sequence = 0;
  private timer: NodeJS.Timeout | undefined;
  private armedFor = Number.POSITIVE_INFINITY;
  private stopped = false;

  constructor(private readonly now: () => number = Date.now) {}

  get size(): number {
    return this.heap.length;
  }

  schedule(delayMs: number, run: () => void): ScheduledTask {
    const entry: Entry = { dueMs: this.now() + Math.max(0, delayMs), sequence: this.sequence++, run, cancelled: false };
    this.push(entry);
    this.arm();
    return { cancel: () => void (entry.cancelled = true) };
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.heap.length = 0;
  }

  private arm(): void {
    const first = this.heap[0];
    if (this.stopped || first === undefined || first.dueMs >= this.armedFor) return;
    clearTimeout(this.timer);
    this.armedFor = first.dueMs;
    this.timer = setTimeout(() => this.fire(), Math.max(0, first.dueMs - this.now()));
  }

  private fire(): void {
    this.timer = undefined;
    this.armedFor = Number.POSITIVE_INFINITY;
    const now = this.now();
    for (let first = this.heap[0]; first !== undefined && first.dueMs <= now; first = this.heap[0]) {
      this.pop();
      if (first.cancelled) continue;
      try {
        first.run();
      } catch (error) {
        console.error('kube-sim: a scheduled task threw', error);
      }
      if (this.stopped) return;
    }
    this.arm();
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    for (let at = heap.length - 1; at > 0;) {
      const parent = (at - 1) >> 1;
      if (!before(heap[at], heap[parent])) break;
      [heap[at], heap[parent]] = [heap[parent], heap[at]];
      at = parent;
    }
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    heap[0] = last;
    for (let at = 0; ;) {
      const left = at * 2 + 1;
      const right = left + 1;
      let smallest = at;
      if (left < heap.length && before(heap[left], heap[smallest])) smallest = left;
      if (right < heap.length && before(heap[right], heap[smallest])) smallest = right;
      if (smallest === at) break;
      [heap[at], heap[smallest]] = [heap[smallest], heap[at]];
      at = smallest;
    }
  }
}

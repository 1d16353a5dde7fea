/** Runs at most `limit` tasks at once; the others wait in call order. */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  /** Runs `task` in a free slot; `waited` tells it whether it had to queue for one. */
  async run<T>(task: (waited: boolean) => Promise<T>): Promise<T> {
    const waited = this.active >= this.limit;
    if (waited) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await task(waited);
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so a newcomer cannot overtake it.
      if (next) next();
      else this.active--;
    }
  }
}

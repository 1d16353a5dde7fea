/** A sticky wake-up signal: a `fire()` with nobody waiting wakes the next `wait()` at once. */
export class Wakeup {
  private pending = false;
  private resolveWaiter: (() => void) | undefined;

  fire(): void {
    const resolve = this.resolveWaiter;
    this.resolveWaiter = undefined;
    if (resolve) resolve();
    else this.pending = true;
  }

  /** Resolves on the next `fire()`, or after `timeoutMs` when given. */
  wait(timeoutMs?: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => this.fire(), timeoutMs);
      this.resolveWaiter = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

import type { Logger } from 'pino';

/** Runs `work` every `everyMs` (or sooner when woken), one run at a time, until stopped. */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;
  private stopped = true;
  private wokenDuringRun = false;

  constructor(
    private readonly name: string,
    private readonly everyMs: number,
    private readonly work: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.wake();
  }

  wake(): void {
    if (this.stopped) return;
    if (this.current !== undefined) {
      this.wokenDuringRun = true;
      return;
    }
    clearTimeout(this.timer);
    this.current = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current;
  }

  private async run(): Promise<void> {
    try {
      await this.work();
    } catch (error) {
      if (!this.stopped) this.logger.warn({ err: error, task: this.name }, 'periodic task failed');
    }
    this.current = undefined;
    if (this.stopped) return;
    if (this.wokenDuringRun) {
      this.wokenDuringRun = false;
      this.current = this.run();
      return;
    }
    this.timer = setTimeout(() => this.wake(), this.everyMs);
  }
}

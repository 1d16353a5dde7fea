import type { OutboxRelay } from './outbox.relay.js';

/**
 * Relays the outbox every `everyMs`, straight again while batches come out full, until stopped.
 * For roles that write to the outbox without an orchestrator's wake-ups (the API's actions).
 */
export class OutboxRelayLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly relay: Pick<OutboxRelay, 'relayOnce' | 'batchSize'>,
    private readonly everyMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.relayOnce();
    }, delayMs);
  }

  private async relayOnce(): Promise<void> {
    let sent = 0;
    try {
      sent = await this.relay.relayOnce();
    } catch (error) {
      if (!this.stopped) this.onError(error);
    }
    this.schedule(sent >= this.relay.batchSize ? 0 : this.everyMs);
  }
}

import type { ClusterEvent } from '#rollcall/domain';
import type { DeliveredBatch, DeliveredMessage, EventBus, Subscription } from '#rollcall/messaging';

/** Reads everything a watcher publishes on one topic, in delivery order per partition. */
export class ClusterEventCollector {
  readonly messages: DeliveredMessage<ClusterEvent>[] = [];
  private subscription: Subscription | undefined;

  async subscribe(bus: EventBus, topic: string, groupId: string): Promise<void> {
    this.subscription = await bus.subscribe({
      groupId,
      topics: [topic],
      onBatch: async (batch: DeliveredBatch) => {
        this.messages.push(...(batch.messages as DeliveredMessage<ClusterEvent>[]));
      },
    });
  }

  get events(): ClusterEvent[] {
    return this.messages.map((message) => message.envelope);
  }

  ofType<T extends ClusterEvent['type']>(type: T): Extract<ClusterEvent, { type: T }>[] {
    return this.events.filter((event): event is Extract<ClusterEvent, { type: T }> => event.type === type);
  }

  async waitFor(description: string, condition: () => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) {
        const seen = this.events.map((event) => event.type).join(', ');
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}; seen: ${seen}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
  }
}

import type { EventBus, Subscription } from '#rollcall/messaging';
import { Kafka, logLevel } from 'kafkajs';

/**
 * Every message id the topic holds, by the history chain it lands in (`topic/partition`), read from
 * the beginning by a consumer group of its own once the pipeline is at rest. Reading then, rather
 * than with a consumer that lives through the faults, keeps the audit's ground truth independent of
 * how a consumer weathers them: once, a recorder that lived through a broker restart stopped reading
 * one partition under a loaded CI run while the projector caught up.
 */
export class TopicRecorder {
  readonly idsByChain = new Map<string, Set<string>>();
  private readonly nextOffsets = new Map<number, bigint>();
  private subscription: Subscription | undefined;

  constructor(
    private readonly topic: string,
    private readonly brokers: readonly string[],
  ) {}

  /** Reads the whole topic as it is now; returns false when the deadline came first. */
  async readToEnd(bus: EventBus, groupId: string, deadline: number): Promise<boolean> {
    await this.start(bus, groupId);
    try {
      for (;;) {
        if (await this.caughtUp()) return true;
        if (Date.now() > deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await this.stop();
    }
  }

  private async start(bus: EventBus, groupId: string): Promise<void> {
    this.subscription = await bus.subscribe({
      groupId,
      topics: [this.topic],
      onBatch: async ({ partition, messages }) => {
        const chain = `${this.topic}/${partition}`;
        const ids = this.idsByChain.get(chain) ?? new Set<string>();
        this.idsByChain.set(chain, ids);
        for (const message of messages) ids.add(message.envelope.id);
        this.nextOffsets.set(partition, BigInt(messages[messages.length - 1].offset) + 1n);
      },
    });
  }

  /** True once the recorder has read every partition up to its current end. */
  private async caughtUp(): Promise<boolean> {
    const ends = await topicEnds(this.brokers, this.topic);
    return [...ends].every(([partition, end]) => (this.nextOffsets.get(partition) ?? 0n) >= end);
  }

  private async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }
}

/** The high watermark of each partition of `topic`. */
export async function topicEnds(brokers: readonly string[], topic: string): Promise<Map<number, bigint>> {
  const admin = new Kafka({
    clientId: 'reliability-offsets',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map(({ partition, high }) => [partition, BigInt(high)]));
  } finally {
    await admin.disconnect();
  }
}

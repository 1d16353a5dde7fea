import type { EventBus, Subscription } from '#rollcall/messaging';
import { Kafka, logLevel } from 'kafkajs';

/** Every message id the topic holds, by the history chain it lands in (`topic/partition`). */
export class TopicRecorder {
  readonly idsByChain = new Map<string, Set<string>>();
  private readonly nextOffsets = new Map<number, bigint>();
  private subscription: Subscription | undefined;

  constructor(
    private readonly topic: string,
    private readonly brokers: readonly string[],
  ) {}

  async start(bus: EventBus, groupId: string): Promise<void> {
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
  async caughtUp(): Promise<boolean> {
    const ends = await topicEnds(this.brokers, this.topic);
    return [...ends].every(([partition, end]) => (this.nextOffsets.get(partition) ?? 0n) >= end);
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
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

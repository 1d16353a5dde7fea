import { consoleBusLogger, type BusLogger } from '../bus-logger.js';
import { assertPublishable, encodeEnvelope } from '../envelope.codec.js';
import type { BusMessage, ConsumerOptions, EventBus, Subscription } from '../event-bus.port.js';
import { InProcessConsumerGroup, type GroupMember } from './in-process-consumer-group.js';
import { InProcessLog } from './in-process-log.js';
import { partitionForKey } from './key-partitioner.js';

/**
 * The event bus inside one process, for the all-in-one mode: same contract as Kafka (partitions,
 * per-key order, consumer groups, at-least-once), no durability across restarts, unbounded memory.
 */
export class InProcessEventBus implements EventBus {
  private readonly log = new InProcessLog();
  private readonly groups = new Map<string, InProcessConsumerGroup>();
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(private readonly logger: BusLogger = consoleBusLogger) {}

  async publish(messages: readonly BusMessage[]): Promise<void> {
    this.assertOpen();
    // Everything is checked before anything is appended, so a bad message rejects the whole call.
    const placed = messages.map(({ topic, key, envelope }) => {
      const partitions = this.log.partitionCount(topic);
      if (partitions === undefined) throw new Error(`Unknown topic ${topic}: create it with ensureTopics first`);
      assertPublishable(envelope);
      return { topic, partition: partitionForKey(key, partitions), record: { key, value: encodeEnvelope(envelope) } };
    });
    for (const { topic, partition, record } of placed) this.log.append(topic, partition, record);
  }

  async subscribe(options: ConsumerOptions): Promise<Subscription> {
    this.assertOpen();
    const unknown = options.topics.filter((topic) => this.log.partitionCount(topic) === undefined);
    if (unknown.length > 0)
      throw new Error(`Unknown topics ${unknown.join(', ')}: create them with ensureTopics first`);
    const group = this.groups.get(options.groupId) ?? new InProcessConsumerGroup(this.log, this.logger);
    this.groups.set(options.groupId, group);
    const member: GroupMember = { options, left: false };
    await group.join(member);
    const subscription: Subscription = {
      stop: async () => {
        if (!this.subscriptions.delete(subscription)) return;
        await group.leave(member);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async ensureTopics(topics: readonly { name: string; partitions: number }[]): Promise<void> {
    this.assertOpen();
    for (const { name, partitions } of topics) {
      const existing = this.log.partitionCount(name);
      if (existing === undefined) this.log.createTopic(name, partitions);
      else if (existing !== partitions) {
        this.logger.warn('Topic exists with a different partition count; leaving it as it is', {
          topic: name,
          partitions: existing,
          wanted: partitions,
        });
      }
    }
  }

  async isReachable(): Promise<boolean> {
    return !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The in-process event bus is closed');
  }
}

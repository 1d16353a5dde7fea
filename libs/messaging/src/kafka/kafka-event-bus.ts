import { Kafka, logLevel, Partitioners, type Producer, type TopicMessages } from 'kafkajs';
import { consoleBusLogger, type BusLogger } from '../bus-logger.js';
import { assertPublishable, encodeEnvelope } from '../envelope.codec.js';
import type { BusMessage, ConsumerOptions, EventBus, Subscription } from '../event-bus.port.js';
import { kafkaLogCreator } from './kafka-log-creator.js';
import {
  defaultConsumerTiming,
  KafkaSubscription,
  type ConsumerRestartReason,
  type KafkaConsumerTiming,
} from './kafka-subscription.js';
import { ensureKafkaTopics, isKafkaReachable } from './kafka-topics.js';

export interface KafkaEventBusOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly logger?: BusLogger;
  readonly consumerTiming?: Partial<KafkaConsumerTiming>;
  /** Told each time a subscription replaces a crashed or stalled kafkajs consumer (for a metric). */
  readonly onConsumerRestart?: (groupId: string, reason: ConsumerRestartReason) => void;
}

/** The event bus on Kafka: an idempotent producer, and one consumer-group member per subscription. */
export class KafkaEventBus implements EventBus {
  private readonly kafka: Kafka;
  private readonly logger: BusLogger;
  private readonly timing: KafkaConsumerTiming;
  private producer: Promise<Producer> | undefined;
  private readonly subscriptions = new Set<KafkaSubscription>();

  constructor(private readonly options: KafkaEventBusOptions) {
    this.logger = options.logger ?? consoleBusLogger;
    this.timing = { ...defaultConsumerTiming, ...options.consumerTiming };
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(this.logger),
    });
  }

  async publish(messages: readonly BusMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const byTopic = new Map<string, TopicMessages>();
    for (const { topic, key, envelope } of messages) {
      assertPublishable(envelope);
      let topicMessages = byTopic.get(topic);
      if (!topicMessages) byTopic.set(topic, (topicMessages = { topic, messages: [] }));
      topicMessages.messages.push({ key, value: encodeEnvelope(envelope) });
    }
    const producer = await this.connectedProducer();
    await producer.sendBatch({ topicMessages: [...byTopic.values()], acks: -1 });
  }

  async subscribe(options: ConsumerOptions): Promise<Subscription> {
    const onRestart = this.options.onConsumerRestart;
    const subscription = new KafkaSubscription(this.kafka, options, this.timing, this.logger, (reason) =>
      onRestart?.(options.groupId, reason),
    );
    try {
      await subscription.start();
    } catch (error) {
      await subscription.stop().catch(() => undefined);
      throw error;
    }
    this.subscriptions.add(subscription);
    return {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  ensureTopics(topics: readonly { name: string; partitions: number }[]): Promise<void> {
    return ensureKafkaTopics(this.kafka, topics, this.logger);
  }

  isReachable(): Promise<boolean> {
    return isKafkaReachable(this.options.brokers, this.options.clientId);
  }

  async close(): Promise<void> {
    const subscriptions = [...this.subscriptions];
    this.subscriptions.clear();
    await Promise.all(subscriptions.map((subscription) => subscription.stop()));
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await (await producer.catch(() => undefined))?.disconnect();
  }

  private connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      this.producer = producer.connect().then(() => producer);
      // A failed connect is retried by the next publish instead of being remembered.
      this.producer.catch(() => (this.producer = undefined));
    }
    return this.producer;
  }
}

import { jest } from '@jest/globals';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { uniqueTopicPrefix } from '#rollcall/testing';
import type { BusLogger } from '../bus-logger.js';
import type { DeliveredBatch } from '../event-bus.port.js';
import { BatchCollector, testEnvelope, waitUntil } from '../testing/contract-fixtures.js';
import { KafkaEventBus } from './kafka-event-bus.js';
import { defaultConsumerTiming, KafkaSubscription, type ConsumerRestartReason } from './kafka-subscription.js';
import { kafkaTestBusOptions } from './kafka-test-settings.js';

jest.setTimeout(90_000);

const STALL_TIMEOUT_MS = 4_000;

/**
 * The faults are made on the live kafkajs consumer, as kafkajs itself has been seen to leave it: a
 * partition that is no longer fetched (tulios/kafkajs#659), or a consumer that stopped altogether.
 */
function liveConsumerOf(subscription: KafkaSubscription): Consumer {
  return (subscription as unknown as { consumer: Consumer }).consumer;
}

describe('KafkaSubscription watchdog', () => {
  const options = kafkaTestBusOptions('rollcall-watchdog');
  const timing = {
    ...defaultConsumerTiming,
    ...options.consumerTiming,
    checkIntervalMs: 500,
    stallTimeoutMs: STALL_TIMEOUT_MS,
  };
  const kafka = new Kafka({ clientId: 'rollcall-watchdog', brokers: [...options.brokers], logLevel: logLevel.NOTHING });
  let bus: KafkaEventBus;
  let topic: string;
  let subscription: KafkaSubscription | undefined;
  let restarts: ConsumerRestartReason[];
  let published = 0;
  const errors: string[] = [];
  const logger: BusLogger = { warn: () => undefined, error: (message) => errors.push(message) };

  beforeEach(async () => {
    bus = new KafkaEventBus(options);
    topic = `${uniqueTopicPrefix('watchdog')}.events.v1`;
    await bus.ensureTopics([{ name: topic, partitions: 2 }]);
    restarts = [];
    errors.length = 0;
  });

  afterEach(async () => {
    await subscription?.stop();
    subscription = undefined;
    await bus.close();
  });

  /** Publishes `count` messages spread over both partitions; returns their ids. */
  async function publish(count: number): Promise<string[]> {
    const ids = Array.from({ length: count }, () => `m-${++published}`);
    await bus.publish(ids.map((id) => ({ topic, key: id, envelope: testEnvelope(id) })));
    return ids;
  }

  async function subscribe(onBatch: (batch: DeliveredBatch) => Promise<void>): Promise<KafkaSubscription> {
    const started = new KafkaSubscription(
      kafka,
      { groupId: `${topic}.group`, topics: [topic], onBatch },
      timing,
      logger,
      (reason) => restarts.push(reason),
    );
    await started.start();
    subscription = started;
    return started;
  }

  it('replaces a consumer that stopped fetching one partition, and delivers what waited there', async () => {
    const collector = new BatchCollector();
    const consumer = await subscribe(collector.onBatch);
    const first = await publish(20);
    await collector.waitForIds(first);

    liveConsumerOf(consumer).pause([{ topic, partitions: [0] }]);
    const second = await publish(20);
    await collector.waitForIds([...first, ...second], 30_000);

    expect(restarts).toEqual(['stalled']);
    expect(errors).toContain('replacing the Kafka consumer');
    expect(new Set(collector.ids())).toEqual(new Set([...first, ...second]));
    expect(new Set(collector.batches.map((batch) => batch.partition))).toEqual(new Set([0, 1]));
  });

  it('replaces a consumer that stopped altogether once messages wait for it', async () => {
    const collector = new BatchCollector();
    const consumer = await subscribe(collector.onBatch);
    const first = await publish(10);
    await collector.waitForIds(first);

    await liveConsumerOf(consumer).stop();
    const second = await publish(10);
    await collector.waitForIds([...first, ...second], 30_000);

    expect(restarts).toEqual(['stalled']);
  });

  it('leaves alone a consumer that is caught up, or whose handler is slower than the stall timeout', async () => {
    const collector = new BatchCollector();
    let slow = false;
    await subscribe(async (batch) => {
      if (slow) await new Promise((resolve) => setTimeout(resolve, 2 * STALL_TIMEOUT_MS));
      await collector.onBatch(batch);
    });
    const first = await publish(10);
    await collector.waitForIds(first);
    await new Promise((resolve) => setTimeout(resolve, 2 * STALL_TIMEOUT_MS));
    expect(restarts).toEqual([]);

    slow = true;
    const second = await publish(4);
    await waitUntil(() => second.every((id) => collector.ids().includes(id)), 'the slow batches were handled', 60_000);
    expect(restarts).toEqual([]);
  });
});

import { jest } from '@jest/globals';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import { uniqueTopicPrefix } from '#rollcall/testing';
import type { MalformedMessage } from '../event-bus.port.js';
import { BatchCollector, testEnvelope, waitUntil } from '../testing/contract-fixtures.js';
import { KafkaEventBus } from './kafka-event-bus.js';
import { kafkaTestBusOptions } from './kafka-test-settings.js';

jest.setTimeout(60_000);

describe('KafkaEventBus on the wire', () => {
  const options = kafkaTestBusOptions('rollcall-wire');
  const raw = new Kafka({ clientId: 'rollcall-wire-raw', brokers: [...options.brokers], logLevel: logLevel.NOTHING });
  let bus: KafkaEventBus;
  let topic: string;

  beforeEach(async () => {
    bus = new KafkaEventBus(options);
    topic = `${uniqueTopicPrefix('wire')}.events.v1`;
    await bus.ensureTopics([{ name: topic, partitions: 2 }]);
  });

  afterEach(() => bus.close());

  it('writes the envelope as the JSON value keyed by the message key, with no headers', async () => {
    const envelope = testEnvelope('w-1', { node: 'node-7' });
    await bus.publish([{ topic, key: 'node-7', envelope }]);

    const consumer = raw.consumer({ groupId: `${topic}.raw`, sessionTimeout: 6_000, heartbeatInterval: 300 });
    const seen: { key: string | undefined; value: unknown; headers: IHeaders }[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          seen.push({
            key: message.key?.toString(),
            value: JSON.parse(String(message.value)),
            headers: message.headers ?? {},
          });
        },
      });
      await waitUntil(() => seen.length === 1, 'the raw consumer read the record');
    } finally {
      await consumer.disconnect();
    }
    expect(seen[0].key).toBe('node-7');
    expect(seen[0].value).toEqual(envelope);
    expect(seen[0].headers).toEqual({});
  });

  it('hands malformed records to onMalformed and keeps consuming', async () => {
    const producer = raw.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        { key: 'k', value: 'not json at all' },
        { key: 'k', value: JSON.stringify({ id: 'half', type: 'NoEnvelope' }) },
        { key: 'k', value: JSON.stringify(testEnvelope('good-1')) },
      ],
    });
    await producer.disconnect();

    const malformed: { message: MalformedMessage; reason: string }[] = [];
    const collector = new BatchCollector();
    await bus.subscribe({
      groupId: `${topic}.tolerant`,
      topics: [topic],
      onBatch: collector.onBatch,
      onMalformed: async (message, reason) => {
        malformed.push({ message, reason });
      },
    });
    await collector.waitForIds(['good-1']);
    await bus.publish([{ topic, key: 'k', envelope: testEnvelope('good-2') }]);
    await collector.waitForIds(['good-1', 'good-2']);

    expect(malformed.map(({ message }) => message.value?.toString())).toEqual([
      'not json at all',
      JSON.stringify({ id: 'half', type: 'NoEnvelope' }),
    ]);
    expect(malformed[0].reason).toMatch(/not JSON/);
    expect(malformed[1].reason).toMatch(/not an envelope/);
    expect(malformed[0].message).toMatchObject({ topic, key: 'k', offset: '0' });
    expect(collector.ids()).toEqual(['good-1', 'good-2']);
  });

  it('creates topics idempotently with the requested partitions', async () => {
    await bus.ensureTopics([
      { name: topic, partitions: 2 },
      { name: `${topic}.second`, partitions: 3 },
    ]);
    const admin = raw.admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic, `${topic}.second`] });
      expect(topics.map(({ name, partitions }) => [name, partitions.length]).sort()).toEqual([
        [topic, 2],
        [`${topic}.second`, 3],
      ]);
    } finally {
      await admin.disconnect();
    }
  });

  it('reports whether the broker can be reached', async () => {
    expect(await bus.isReachable()).toBe(true);
    const nowhere = new KafkaEventBus({ ...options, brokers: ['127.0.0.1:1'] });
    const started = Date.now();
    expect(await nowhere.isReachable()).toBe(false);
    expect(Date.now() - started).toBeLessThan(5_000);
    await nowhere.close();
  });
});

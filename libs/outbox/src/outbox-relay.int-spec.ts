import { jest } from '@jest/globals';
import type { Envelope } from '#rollcall/domain';
import { KafkaEventBus, type BusMessage, type Subscription } from '#rollcall/messaging';
import { inTransaction } from '#rollcall/postgres';
import { createTestSchema, uniqueTopicPrefix, type TestSchema } from '#rollcall/testing';
import { OutboxRelayLoop } from './outbox-relay.loop.js';
import { OutboxRelay } from './outbox.relay.js';
import { enqueueOutbox } from './outbox.writer.js';

jest.setTimeout(120_000);

const brokers = (process.env.KAFKA_BROKERS ?? '').split(',');
const timing = { sessionTimeoutMs: 6_000, rebalanceTimeoutMs: 10_000, heartbeatIntervalMs: 300, maxWaitTimeMs: 200 };
const quiet = { warn: () => undefined, error: () => undefined };

const action = (topic: string, index: number): BusMessage => ({
  topic,
  key: `token-${index % 3}`,
  envelope: {
    id: `action-${index}`,
    type: 'TokenCreated',
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    observedAt: new Date().toISOString(),
    correlationId: `request-${index}`,
    causationId: null,
    actor: null,
    data: { index },
  },
});

describe('the outbox relay loop, as a role without an orchestrator runs it', () => {
  let schema: TestSchema;
  let bus: KafkaEventBus;
  let topic: string;
  let subscription: Subscription | undefined;
  const loops: OutboxRelayLoop[] = [];

  beforeAll(async () => {
    schema = await createTestSchema(process.env.DATABASE_URL ?? '');
    bus = new KafkaEventBus({ brokers, clientId: 'outbox-relay-test', logger: quiet, consumerTiming: timing });
    topic = `${uniqueTopicPrefix('outbox')}.api-actions`;
    await bus.ensureTopics([{ name: topic, partitions: 3 }]);
  });

  afterAll(async () => {
    await Promise.all(loops.map((loop) => loop.stop()));
    await subscription?.stop();
    await bus.close();
    await schema.drop();
  });

  it('given rows committed in the outbox, when two relays run, then every message reaches the bus once, in order per key, and is marked sent', async () => {
    const received: Envelope[] = [];
    subscription = await bus.subscribe({
      groupId: `${topic}.reader`,
      topics: [topic],
      onBatch: async (batch) => void received.push(...batch.messages.map((message) => message.envelope)),
    });
    const messages = Array.from({ length: 1_200 }, (_, index) => action(topic, index));
    await inTransaction(schema.pool, (client) => enqueueOutbox(client, messages.slice(0, 700)));
    for (const relay of [new OutboxRelay(schema.pool, bus), new OutboxRelay(schema.pool, bus)]) {
      const loop = new OutboxRelayLoop(relay, 50, (error) => {
        throw error;
      });
      loops.push(loop);
      loop.start();
    }
    await inTransaction(schema.pool, (client) => enqueueOutbox(client, messages.slice(700)));

    for (const deadline = Date.now() + 60_000; received.length < messages.length && Date.now() < deadline;)
      await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 500));

    const ids = received.map((envelope) => envelope.id);
    expect(new Set(ids).size).toBe(messages.length);
    expect(ids).toHaveLength(messages.length);
    for (const key of ['token-0', 'token-1', 'token-2']) {
      const order = received
        .filter((envelope) => `token-${(envelope.data as { index: number }).index % 3}` === key)
        .map((envelope) => (envelope.data as { index: number }).index);
      expect(order).toEqual([...order].sort((left, right) => left - right));
    }
    // A relay publishes, then marks the rows sent: the last batch may arrive before its commit does.
    const unsent = async () =>
      (await schema.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL')).rows[0].n;
    let stillUnsent = await unsent();
    for (const deadline = Date.now() + 10_000; stillUnsent > 0 && Date.now() < deadline; stillUnsent = await unsent())
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stillUnsent).toBe(0);
  });

  it('given a relay that fails (the bus is gone), then the loop reports each failure and tries again', async () => {
    const errors: unknown[] = [];
    const failing = new OutboxRelayLoop(
      { batchSize: 500, relayOnce: () => Promise.reject(new Error('bus gone')) },
      20,
      (error) => errors.push(error),
    );
    failing.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await failing.stop();

    expect(errors.length).toBeGreaterThan(1);
    expect(String(errors[0])).toContain('bus gone');
  });
});

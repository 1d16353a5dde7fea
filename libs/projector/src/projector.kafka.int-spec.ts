import { jest } from '@jest/globals';
import { Kafka, logLevel } from 'kafkajs';
import { KafkaEventBus, type DeliveredBatch } from '#rollcall/messaging';
import { createTestSchema, uniqueTopicPrefix, type TestSchema } from '#rollcall/testing';
import { Registry } from 'prom-client';
import { DEAD_LETTER_TOPIC } from './dead-letter/dead-letter.handler.js';
import { verifyStoredChain } from './history/history.reader.js';
import { ProjectorMetrics } from './projector.metrics.js';
import { Projector } from './projector.js';
import { nodeEvent, onTopic, podEvent, waitUntil } from './testing/cluster-events.fixtures.js';

jest.setTimeout(120_000);

const brokers = (process.env.KAFKA_BROKERS ?? '').split(',');
const timing = { sessionTimeoutMs: 6_000, rebalanceTimeoutMs: 10_000, heartbeatIntervalMs: 300, maxWaitTimeMs: 200 };
const quiet = { warn: () => undefined, error: () => undefined };

describe('Projector on Kafka', () => {
  let schema: TestSchema;
  let bus: KafkaEventBus;
  let topic: string;
  let groupId: string;

  const count = async (sql: string): Promise<number> => Number((await schema.pool.query(sql)).rows[0].n);
  const newProjector = () =>
    new Projector({
      pool: schema.pool,
      bus,
      metrics: new ProjectorMetrics(new Registry()),
      groupId,
      topics: [topic],
      topicPartitions: 2,
    });

  beforeEach(async () => {
    schema = await createTestSchema(process.env.DATABASE_URL ?? '');
    bus = new KafkaEventBus({ brokers, clientId: 'projector-test', logger: quiet, consumerTiming: timing });
    topic = `${uniqueTopicPrefix('projector')}.cluster.v1`;
    groupId = `${topic}.projector`;
    await bus.ensureTopics([{ name: topic, partitions: 2 }]);
  });

  afterEach(async () => {
    await bus.close();
    await schema.drop();
  });

  it('dead-letters a malformed record, keeps going, and resumes after a crash without loss or doubles', async () => {
    const deadLettered: DeliveredBatch[] = [];
    await bus.ensureTopics([{ name: DEAD_LETTER_TOPIC, partitions: 1 }]);
    const watcher = await bus.subscribe({
      groupId: `${groupId}.dlq-reader`,
      topics: [DEAD_LETTER_TOPIC],
      onBatch: async (batch) => void deadLettered.push(batch),
    });
    const raw = new Kafka({ clientId: 'raw', brokers, logLevel: logLevel.NOTHING }).producer();
    await raw.connect();
    await raw.send({ topic, messages: [{ key: 'node-a', value: 'not json at all' }] });
    await raw.disconnect();
    await bus.publish(onTopic(topic, [nodeEvent('node-a', 10), podEvent('node-a', 'pod-1', 11, 'abc')]));
    // The first transaction fails after writing: the batch must be redelivered and applied once.
    await schema.pool.query(`CREATE SEQUENCE fail_once;
      CREATE FUNCTION fail_first() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF nextval('fail_once') = 1 THEN RAISE EXCEPTION 'injected crash'; END IF; RETURN NULL; END $$;
      CREATE TRIGGER fail_first AFTER INSERT ON history FOR EACH STATEMENT EXECUTE FUNCTION fail_first();`);

    const first = newProjector();
    await first.start();
    await waitUntil(async () => (await count('SELECT count(*) AS n FROM history')) === 2, 60_000);
    await first.stop();

    await bus.publish(
      onTopic(topic, [nodeEvent('node-a', 12, false), nodeEvent('node-a', 10), nodeEvent('node-z', 13)]),
    );
    const second = newProjector();
    await second.start();
    await waitUntil(async () => (await count('SELECT count(*) AS n FROM history')) === 4, 60_000);
    await waitUntil(async () => deadLettered.length > 0, 30_000);
    await second.stop();
    await watcher.stop();

    const letter = deadLettered[0].messages[0].envelope;
    expect(letter.type).toBe('MessageDeadLettered');
    expect(letter.data).toMatchObject({ topic, offset: '0', key: 'node-a' });
    expect(await count('SELECT count(*) AS n FROM dead_letters')).toBe(1);
    expect(await count('SELECT last_value AS n FROM fail_once')).toBeGreaterThan(1);
    expect(await count('SELECT count(DISTINCT event_id) AS n FROM history')).toBe(4);
    expect((await schema.pool.query(`SELECT ready, resource_version FROM nodes WHERE name = 'node-a'`)).rows).toEqual([
      { ready: false, resource_version: '12' },
    ]);
    const chains = await schema.pool.query<{ chain: string }>('SELECT chain FROM history_chain_heads');
    for (const { chain } of chains.rows)
      expect(await verifyStoredChain(schema.pool, chain)).toMatchObject({ ok: true });
  });
});

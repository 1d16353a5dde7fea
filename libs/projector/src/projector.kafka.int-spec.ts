import { jest } from '@jest/globals';
import { Kafka, logLevel } from 'kafkajs';
import type { Envelope } from '#rollcall/domain';
import { KafkaEventBus, type Subscription } from '#rollcall/messaging';
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
  const newProjector = (metrics = new ProjectorMetrics(new Registry())) =>
    new Projector({
      pool: schema.pool,
      bus,
      metrics,
      groupId,
      topics: [topic],
      topicPartitions: 2,
    });

  // The dead-letter topic is shared by every test: each test collects only the letters about its own topic.
  async function collectDeadLetters(letters: Envelope[]): Promise<Subscription> {
    await bus.ensureTopics([{ name: DEAD_LETTER_TOPIC, partitions: 1 }]);
    return bus.subscribe({
      groupId: `${groupId}.dlq-reader`,
      topics: [DEAD_LETTER_TOPIC],
      onBatch: async (batch) => {
        const envelopes = batch.messages.map((message) => message.envelope);
        letters.push(...envelopes.filter((letter) => (letter.data as { topic?: string }).topic === topic));
      },
    });
  }

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
    const letters: Envelope[] = [];
    const watcher = await collectDeadLetters(letters);
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
    await waitUntil(async () => letters.length > 0, 30_000);
    await second.stop();
    await watcher.stop();

    expect(letters[0].type).toBe('MessageDeadLettered');
    expect(letters[0].data).toMatchObject({
      topic,
      offset: '0',
      key: 'node-a',
      reason: expect.stringMatching(/^not JSON/),
    });
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

  it('given a batch that ends with a malformed record, when the projector restarts, then it resumes after that record and does not report it again', async () => {
    await bus.ensureTopics([{ name: DEAD_LETTER_TOPIC, partitions: 1 }]);
    const raw = new Kafka({ clientId: 'raw', brokers, logLevel: logLevel.NOTHING }).producer();
    await raw.connect();
    const onPartitionZero = (value: string) => ({ key: 'node-a', partition: 0, value });
    const storedPosition = () =>
      count(`SELECT next_offset AS n FROM consumer_positions WHERE topic = '${topic}' AND partition = 0`);
    await raw.send({
      topic,
      messages: [onPartitionZero(JSON.stringify(nodeEvent('node-a', 10))), onPartitionZero('not json at all')],
    });

    const first = newProjector();
    await first.start();
    await waitUntil(async () => (await count('SELECT count(*) AS n FROM dead_letters')) === 1, 60_000);
    await waitUntil(async () => (await storedPosition()) === 2, 30_000);
    await first.stop();
    await raw.send({ topic, messages: [onPartitionZero(JSON.stringify(nodeEvent('node-a', 11)))] });
    await raw.disconnect();
    const registry = new Registry();
    const second = newProjector(new ProjectorMetrics(registry));
    await second.start();
    await waitUntil(async () => (await count('SELECT count(*) AS n FROM history')) === 2, 60_000);
    await second.stop();

    const reported = (await registry.getSingleMetric('rollcall_projector_dead_letters_total')?.get())?.values ?? [];
    expect(reported.reduce((total, value) => total + value.value, 0)).toBe(0);
    expect(await storedPosition()).toBe(3);
    expect(await count('SELECT count(*) AS n FROM dead_letters')).toBe(1);
  });

  it('dead-letters envelopes whose data does not fit their type, with the reason, and projects what follows', async () => {
    const letters: Envelope[] = [];
    const reader = await collectDeadLetters(letters);
    const pod = podEvent('node-a', 'pod-1', 11, 'abc');
    const podWithoutPlace: Record<string, unknown> = { ...pod.data };
    delete podWithoutPlace.nodeName;
    delete podWithoutPlace.namespace;
    const stuckBefore: Envelope[] = [
      { ...pod, id: 'pod-without-place', data: podWithoutPlace },
      { ...nodeEvent('node-a', 9), id: 'node-as-text', data: 'node-a is gone' },
      {
        ...nodeEvent('node-a', 9),
        id: 'resync-of-deployments',
        type: 'ResyncCompleted',
        data: { kind: 'Deployment', relistId: 'r', reason: 'Gone', resourceVersion: '9', count: 0, partitionKeys: [] },
      },
      // Valid JSON that PostgreSQL's text cannot hold: it would fail its batch on every retry.
      { ...nodeEvent('node-a', 9), id: 'nul-in-correlation', correlationId: 'watch\u0000run' },
    ];
    const good = [nodeEvent('node-a', 10), pod, nodeEvent('node-a', 12, false)];
    // One key, so all of it shares a partition: the malformed envelopes sit between the good ones.
    await bus.publish(
      [good[0], ...stuckBefore, good[1], good[2]].map((envelope) => ({ topic, key: 'node-a', envelope })),
    );

    const first = newProjector();
    await first.start();
    await waitUntil(async () => (await count('SELECT count(*) AS n FROM history')) === 3, 60_000);
    await waitUntil(async () => letters.length >= 4, 30_000);
    await first.stop();
    await bus.publish(onTopic(topic, [nodeEvent('node-a', 13)]));
    const second = newProjector();
    await second.start();
    await waitUntil(async () => (await count('SELECT count(*) AS n FROM history')) === 4, 60_000);
    await second.stop();
    await reader.stop();

    expect(letters.slice(0, 4).map((letter) => letter.data)).toEqual([
      expect.objectContaining({
        offset: '1',
        key: 'node-a',
        reason: expect.stringMatching(/^invalid PodObserved: .*data\.nodeName: missing/),
      }),
      expect.objectContaining({
        offset: '2',
        reason: 'invalid NodeObserved: data: Invalid input: expected object, received string',
      }),
      expect.objectContaining({
        offset: '3',
        reason: expect.stringMatching(/^invalid ResyncCompleted: data\.kind: Invalid option: expected one of "Node"\|/),
      }),
      expect.objectContaining({
        offset: '4',
        reason: expect.stringContaining(
          'envelope.correlationId: holds U+0000 or a lone surrogate, which PostgreSQL cannot store',
        ),
      }),
    ]);
    const stored = await schema.pool.query<{ offset: string; reason: string }>(
      'SELECT "offset", reason FROM dead_letters ORDER BY "offset"::bigint',
    );
    expect(stored.rows.map((row) => row.offset)).toEqual(['1', '2', '3', '4']);
    expect(stored.rows[0].reason).toMatch(/data\.namespace: missing/);
    const history = await schema.pool.query<{ event_id: string }>('SELECT event_id FROM history ORDER BY seq');
    expect(history.rows.map((row) => row.event_id)).toEqual(
      [...good, nodeEvent('node-a', 13)].map((event) => event.id),
    );
    expect((await schema.pool.query(`SELECT ready, resource_version FROM nodes WHERE name = 'node-a'`)).rows).toEqual([
      { ready: true, resource_version: '13' },
    ]);
    expect((await schema.pool.query('SELECT node, pod_uid FROM daemonset_node_state')).rows).toEqual([
      { node: 'node-a', pod_uid: 'pod-1' },
    ]);
    const chains = await schema.pool.query<{ chain: string }>('SELECT chain FROM history_chain_heads');
    for (const { chain } of chains.rows)
      expect(await verifyStoredChain(schema.pool, chain)).toMatchObject({ ok: true });
  });
});

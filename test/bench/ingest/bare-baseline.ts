import { Kafka, logLevel, Partitioners } from 'kafkajs';
import type { Pool } from 'pg';

export interface BaselineOptions {
  readonly brokers: readonly string[];
  readonly pool: Pool;
  readonly topic: string;
  readonly partitions: number;
  /** A real PodObserved envelope: each message is a copy of it with its own id. */
  readonly sample: { id: string; data: { nodeName?: string | null } } & Record<string, unknown>;
  readonly events: number;
}

/**
 * The bare pipe the projector is compared with: the same number of envelopes produced like the
 * watcher does (idempotent, acks=all, batches of 500), consumed with kafkajs eachBatch and written
 * with one multi-row INSERT per batch, no logic. Runs a warm-up round and then `rounds` on one consumer
 * (like the bursts, so the median is compared with the median) and returns each round's events per
 * second, first send to last insert.
 */
export async function measureBareBaseline(
  options: BaselineOptions,
  rounds: number,
): Promise<{ warmupEventsPerSecond: number; roundsEventsPerSecond: number[] }> {
  const { pool, topic, sample, events } = options;
  const kafka = new Kafka({ clientId: 'ingest-baseline', brokers: [...options.brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: options.partitions }] });
  await admin.disconnect();
  await pool.query('CREATE TABLE bench_baseline (event_id text PRIMARY KEY, type text, node text, data jsonb)');

  const consumer = kafka.consumer({ groupId: `${topic}.baseline`, maxWaitTimeInMs: 100 });
  let inserted = 0;
  let insertedTarget = 0;
  let reachedTarget: () => void = () => undefined;
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const rows = batch.messages.map((message) => JSON.parse(message.value?.toString() ?? '{}'));
      await pool.query(
        `INSERT INTO bench_baseline SELECT r.id, r.type, r.data ->> 'nodeName', r.data
           FROM jsonb_to_recordset($1::jsonb) AS r(id text, type text, data jsonb)`,
        [JSON.stringify(rows)],
      );
      inserted += rows.length;
      if (inserted >= insertedTarget) reachedTarget();
    },
  });
  await joined;

  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  const key = sample.data.nodeName ?? 'node';
  const eventsPerSecond: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    insertedTarget = inserted + events;
    const roundInserted = new Promise<void>((resolve) => (reachedTarget = resolve));
    const started = performance.now();
    for (let first = 0; first < events; first += 500) {
      const messages = Array.from({ length: Math.min(500, events - first) }, (_, offset) => ({
        key: `${key}-${(first + offset) % 5_000}`,
        value: JSON.stringify({ ...sample, id: `${sample.id}/${round}/${first + offset}` }),
      }));
      await producer.send({ topic, messages, acks: -1 });
    }
    await roundInserted;
    eventsPerSecond.push(events / ((performance.now() - started) / 1000));
  }
  await producer.disconnect();
  await consumer.disconnect();
  return { warmupEventsPerSecond: eventsPerSecond[0], roundsEventsPerSecond: eventsPerSecond.slice(1) };
}

import { Kafka, logLevel } from 'kafkajs';
import type { BusLogger } from '../bus-logger.js';

const RETRY_ATTEMPTS = 8;

/**
 * Retries what Kafka calls retriable: right after a topic is created its metadata can still answer
 * "This server does not host this topic-partition" for a moment, more so on a busy broker.
 */
async function withRetries<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= RETRY_ATTEMPTS || (error as { retriable?: boolean }).retriable !== true) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** Math.min(attempt, 5)));
    }
  }
}

/** Creates missing topics and waits for their leaders; an existing topic keeps its partition count. */
export async function ensureKafkaTopics(
  kafka: Kafka,
  topics: readonly { name: string; partitions: number }[],
  logger: BusLogger,
): Promise<void> {
  if (topics.length === 0) return;
  const admin = kafka.admin();
  await admin.connect();
  try {
    // One request per topic: kafkajs skips waiting for leaders when any topic of a request exists already.
    await Promise.all(
      topics.map(({ name, partitions }) =>
        withRetries(() =>
          admin.createTopics({ topics: [{ topic: name, numPartitions: partitions }], waitForLeaders: true }),
        ),
      ),
    );
    const { topics: existing } = await withRetries(() =>
      admin.fetchTopicMetadata({ topics: topics.map(({ name }) => name) }),
    );
    for (const { name, partitions } of existing) {
      const wanted = topics.find((topic) => topic.name === name)?.partitions;
      // Repartitioning would move keys between partitions and break per-key order, so it is never automatic.
      if (wanted !== undefined && wanted !== partitions.length) {
        logger.warn('Topic exists with a different partition count; leaving it as it is', {
          topic: name,
          partitions: partitions.length,
          wanted,
        });
      }
    }
  } finally {
    await admin.disconnect();
  }
}

/** A readiness probe: one describeCluster on a throwaway client, without retries, within `timeoutMs`. */
export async function isKafkaReachable(
  brokers: readonly string[],
  clientId: string,
  timeoutMs = 3_000,
): Promise<boolean> {
  const kafka = new Kafka({
    clientId: `${clientId}-probe`,
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const probe = admin
    .connect()
    .then(() => admin.describeCluster())
    .then((cluster) => cluster.brokers.length > 0)
    .catch(() => false);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
    await admin.disconnect().catch(() => undefined);
  }
}

// A projector in its own process, so a test can kill it with SIGKILL mid-batch. Node runs this file
// with its types stripped and resolves #rollcall/* to the compiled libraries in dist/.
import { KafkaEventBus } from '#rollcall/messaging';
import { createPool } from '#rollcall/postgres';
import { Projector, ProjectorMetrics } from '#rollcall/projector';
import { pino } from 'pino';
import { Registry } from 'prom-client';

const setting = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set for the projector process`);
  return value;
};

const logger = pino({ level: 'warn' });
const pool = createPool({
  url: setting('DATABASE_URL'),
  schema: setting('PROJECTOR_SCHEMA'),
  applicationName: setting('PROJECTOR_APPLICATION_NAME'),
  logger,
  max: 4,
});
const bus = new KafkaEventBus({
  brokers: setting('KAFKA_BROKERS').split(','),
  clientId: 'reliability-projector',
  logger: { warn: () => undefined, error: (message, context) => logger.error(context ?? {}, message) },
  consumerTiming: { sessionTimeoutMs: 6_000, rebalanceTimeoutMs: 10_000, heartbeatIntervalMs: 300, maxWaitTimeMs: 100 },
});
const projector = new Projector({
  pool,
  bus,
  metrics: new ProjectorMetrics(new Registry()),
  groupId: setting('PROJECTOR_GROUP_ID'),
  topics: [setting('PROJECTOR_TOPIC')],
  topicPartitions: Number(setting('PROJECTOR_TOPIC_PARTITIONS')),
});

process.once('SIGTERM', () => {
  void projector
    .stop()
    .then(() => bus.close())
    .then(() => pool.end())
    .finally(() => process.exit(0));
});
await projector.start();
process.stdout.write('projector started\n');

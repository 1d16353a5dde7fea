import type { ProvidedKafka } from '../provided-service.js';
import { kafkaVersion } from './kafka-jars.js';
import { startRestartableKafkaBroker } from './restartable-kafka-broker.js';

/** The run's broker: a real single-node Kafka from the Maven Central jars that nobody restarts. */
export async function startLocalKafkaBroker(): Promise<ProvidedKafka> {
  const broker = await startRestartableKafkaBroker();
  return { provider: `apache-kafka-${kafkaVersion}-jars`, brokers: broker.brokers, stop: () => broker.dispose() };
}

import type { ProvidedKafka } from '../provided-service.js';
import { dockerEngineAnswers } from '../docker-engine.js';
import { startKafkaContainer } from './kafka-testcontainer.js';
import { startLocalKafkaBroker } from './local-kafka-broker.js';

export { uniqueTopicPrefix } from './unique-topic-prefix.js';

/**
 * Kafka for a test run: KAFKA_BROKERS when set, else a testcontainers broker when a Docker engine
 * answers, else a real Apache Kafka broker started from its Maven Central jars on the local Java.
 */
export async function startKafkaForTests(): Promise<ProvidedKafka> {
  const fromEnvironment = process.env.KAFKA_BROKERS;
  if (fromEnvironment) return { provider: 'env', brokers: fromEnvironment, stop: async () => undefined };
  if (await dockerEngineAnswers()) return startKafkaContainer();
  return startLocalKafkaBroker();
}

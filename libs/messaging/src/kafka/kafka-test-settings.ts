import type { BusLogger } from '../bus-logger.js';
import type { KafkaEventBusOptions } from './kafka-event-bus.js';

/** Bus options for integration tests: the broker from the global setup, and fast group joins. */
export function kafkaTestBusOptions(clientId: string, logger: BusLogger = quietTestLogger): KafkaEventBusOptions {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) throw new Error('KAFKA_BROKERS is not set: run integration tests through the Jest global setup');
  return {
    brokers: brokers.split(','),
    clientId,
    logger,
    consumerTiming: {
      sessionTimeoutMs: 6_000,
      rebalanceTimeoutMs: 10_000,
      heartbeatIntervalMs: 300,
      maxWaitTimeMs: 200,
    },
  };
}

/** Keeps expected retry warnings out of the test output while errors still show. */
export const quietTestLogger: BusLogger = {
  warn: () => undefined,
  error: (message, context) => console.error(message, context),
};

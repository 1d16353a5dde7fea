export * from './event-bus.port.js';
export * from './bus-logger.js';
export * from './envelope.codec.js';
export * from './kafka/kafka-event-bus.js';
export type { ConsumerRestartReason, KafkaConsumerTiming } from './kafka/kafka-subscription.js';
export * from './in-process/in-process-event-bus.js';

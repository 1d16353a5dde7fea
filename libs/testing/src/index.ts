export * from './provided-service.js';
export * from './postgres/postgres-for-tests.js';
export * from './kafka/kafka-for-tests.js';
export * from './http/http-client.js';
export * from './kafka/restartable-kafka-broker.js';

export * from './provided-service.js';
export * from './postgres/postgres-for-tests.js';
export * from './kafka/kafka-for-tests.js';
export * from './http/http-client.js';
export * from './kafka/restartable-kafka-broker.js';
export * from './postgres/tamper-behind-triggers.js';
export * from './cluster/cluster-events.fixtures.js';
export * from './rollout/rollout-request.example.js';

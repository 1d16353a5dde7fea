export * from './health/readiness-report.js';
export * from './health/readiness.registry.js';
export * from './logging/pino-nest.logger.js';
export * from './logging/root-logger.js';
export * from './metrics/rollcall-metrics.js';
export * from './observability.module.js';
export * from './shutdown/graceful-shutdown.js';

export * from './embedded/embedded-postgres.launcher.js';
export * from './embedded/free-port.js';
export * from './migrations/migrations-dir.js';
export * from './migrations/run-migrations.js';
export * from './in-transaction.js';
export * from './postgres-connection.js';
export * from './postgres-pool.js';
export * from './postgres.module.js';

export * from './cluster-watcher.js';
export * from './watcher-settings.js';
export * from './lease-elector.js';
export * from './publish-queue.js';
export * from './observation.sink.js';
export * from './watcher.module.js';
export * from './watcher.metrics.js';

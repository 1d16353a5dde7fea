export { abortableSleep, Backoff } from './abortable-sleep.js';
export * from './load-kube-config.js';
export * from './kube-errors.js';
export * from './kube-json.js';
export * from './resource-source.js';
export * from './resource-event.js';
export * from './resource-watcher.js';
export { watchOnce, type WatchOutcome } from './watch-once.js';

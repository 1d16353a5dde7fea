export * from './envelope.js';
export * from './cluster/index.js';
export * from './history/index.js';
export * from './rollout/index.js';

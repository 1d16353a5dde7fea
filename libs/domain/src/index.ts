export * from './envelope.js';
export * from './rollout/index.js';

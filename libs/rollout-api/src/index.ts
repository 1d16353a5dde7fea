export * from './rollout-api.module.js';
export * from './errors/rollout-api.exception.js';
export * from './errors/rollout-problem.mapping.js';
export * from './rollouts/rollout-plan.response.js';

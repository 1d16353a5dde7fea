export * from './kubeconfig.js';
export * from './kubectl.runner.js';

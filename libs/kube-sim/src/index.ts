export * from './store/index.js';
export * from './api/index.js';
export * from './kubeconfig/index.js';
export * from './faults/node-faults.port.js';

// Controllers, disruption, faults and cluster composition (owned by the controllers' author).
export * from './cluster/index.js';
export * from './controllers/index.js';

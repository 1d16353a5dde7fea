export * from './eviction-handler.js';
export * from './kube-api-server.js';
export { failureStatus, successStatus, type KubeStatus, type StatusReason } from './kube-status.js';
export { applyStrategicMergePatch } from './patch/strategic-merge-patch.js';
export { applyMergePatch } from './patch/merge-patch.js';

export * from './audit-api.exception.js';
export * from './audit-api.module.js';
export type { DaemonSetPodView } from './daemonsets/daemonset-pod.view.js';
export type { DaemonSetView } from './daemonsets/daemonset.view.js';
export type { HistoryEntryView } from './history/history-entry.view.js';
export type { NodeAtTimeView } from './node-at-time/node-at-time.view.js';
export type { NodeDetailView, NodeView } from './nodes/node.view.js';

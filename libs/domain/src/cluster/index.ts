export * from './cluster-resource.js';
export * from './cluster.events.js';
export * from './observation-id.js';
export * from './to-observation.js';
export * from './partition-key.js';
export * from './resync-markers.js';
export { nodeDataOf } from './node.observation.js';
export { daemonSetDataOf, TEMPLATE_GENERATION_ANNOTATION, CHANGE_CAUSE_ANNOTATION } from './daemon-set.observation.js';
export { controllerRevisionDataOf, REVISION_HASH_LABEL } from './controller-revision.observation.js';
export {
  podDataOf,
  podNodeOf,
  pinnedNodeOf,
  isDaemonSetPod,
  POD_TEMPLATE_GENERATION_LABEL,
} from './pod.observation.js';
export { pdbDataOf } from './pdb.observation.js';
export { clusterEventDataProblem, isClusterEventType } from './cluster-event.schema.js';
export { dataProblemOf } from './data-problem.js';

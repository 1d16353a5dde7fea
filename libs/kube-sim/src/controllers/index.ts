export { startControllers, type ControllerOptions, type RunningControllers } from './start-controllers.js';
export { evictPod } from '../disruption/evict-pod.js';
export { SimulatedNodeFaults } from '../faults/simulated-node-faults.js';
export { computeTemplateHash } from './daemon/revision-hash.js';
export { CONTROLLER_REVISION_HASH_LABEL, POD_TEMPLATE_GENERATION_LABEL, isPodUpdated } from './daemon/daemon-labels.js';
export type { ControllerRevisionWire, DaemonSetWire, NodeWire, PdbWire, PodWire } from './kube-wire.types.js';

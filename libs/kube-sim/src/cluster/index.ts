export {
  createSimulatedCluster,
  type SimulatedCluster,
  type SimulatedClusterOptions,
} from './create-simulated-cluster.js';
export { buildNode, nodeName, DEFAULT_ZONES, SIMULATED_KUBELET_VERSION } from './node.factory.js';
export {
  LOG_COLLECTOR,
  logCollectorDaemonSet,
  logCollectorBudget,
  seedLogCollector,
} from '../seed/log-collector.seed.js';
export { clusterClients, type ClusterClients } from './cluster-clients.js';
export { daemonSetManifest, budgetManifest, waitUntil, rolloutDone } from './daemonset-scenarios.js';

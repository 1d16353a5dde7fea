import { startKubeApiServer } from '../api/kube-api-server.js';
import { startControllers } from '../controllers/start-controllers.js';
import { evictPod } from '../disruption/evict-pod.js';
import type { NodeFaults } from '../faults/node-faults.port.js';
import { seedLogCollector } from '../seed/log-collector.seed.js';
import type { ClusterStore } from '../store/cluster-store.port.js';
import { InMemoryClusterStore } from '../store/in-memory-cluster-store.js';
import { buildNode, DEFAULT_ZONES } from './node.factory.js';

export interface SimulatedClusterOptions {
  readonly nodes: number;
  readonly readyDelayMs: number;
  /** Adds the `log-collector` DaemonSet (namespace default) and its PodDisruptionBudget. */
  readonly seed: boolean;
  readonly host?: string;
  readonly port?: number;
  readonly zones?: readonly string[];
  /** How long a gracefully deleted pod takes to stop (see ControllerOptions). */
  readonly terminationDelayMs?: number;
}

export interface SimulatedCluster {
  readonly url: string;
  readonly store: ClusterStore;
  readonly nodeFaults: NodeFaults;
  close(): Promise<void>;
}

/** A whole simulated cluster: store, controllers, nodes, optional seed, and the API server over HTTP. */
export async function createSimulatedCluster(options: SimulatedClusterOptions): Promise<SimulatedCluster> {
  const store = new InMemoryClusterStore();
  const nowIso = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const zones = options.zones !== undefined && options.zones.length > 0 ? options.zones : DEFAULT_ZONES;
  for (let index = 1; index <= options.nodes; index++) store.create('nodes', buildNode(index, zones, nowIso));
  const controllers = startControllers(store, {
    readyDelayMs: options.readyDelayMs,
    terminationDelayMs: options.terminationDelayMs,
  });
  const server = await startKubeApiServer({
    store,
    host: options.host,
    port: options.port,
    nodeFaults: controllers.nodeFaults,
    evictPod: (request) => evictPod(store, request),
  });
  if (options.seed) seedLogCollector(store, options.nodes);
  return {
    url: server.url,
    store,
    nodeFaults: controllers.nodeFaults,
    close: async () => {
      await server.close();
      await controllers.stop();
      store.dispose();
    },
  };
}

import type { ClusterStore } from '../store/cluster-store.port.js';
import { DisruptionController } from '../disruption/disruption.controller.js';
import type { NodeFaults } from '../faults/node-faults.port.js';
import { NodeSlowness } from '../faults/node-slowness.js';
import { SimulatedNodeFaults } from '../faults/simulated-node-faults.js';
import { DaemonSetController } from './daemon/daemonset.controller.js';
import { KubeletSimulator } from './kubelet/kubelet.simulator.js';
import { ClusterCache } from './runtime/cluster-cache.js';
import { TimerQueue } from './runtime/timer-queue.js';

export interface ControllerOptions {
  /** How long a pod on a Ready node takes from Pending to Running and Ready. */
  readonly readyDelayMs: number;
  /** How long a gracefully deleted pod takes to stop. Default: the smaller of readyDelayMs and 200 ms. */
  readonly terminationDelayMs?: number;
  /** How long a controller gathers changes before it reconciles. Default 10 ms. */
  readonly batchDelayMs?: number;
}

export interface RunningControllers {
  readonly nodeFaults: NodeFaults;
  stop(): Promise<void>;
}

/** Starts the DaemonSet and disruption controllers and the kubelet stand-in against the store. */
export function startControllers(store: ClusterStore, options: ControllerOptions): RunningControllers {
  const batchDelayMs = options.batchDelayMs ?? 10;
  const timers = new TimerQueue();
  const cache = new ClusterCache(store);
  const slowness = new NodeSlowness();
  const daemonSets = new DaemonSetController(store, cache, timers, batchDelayMs);
  const disruption = new DisruptionController(store, cache, batchDelayMs);
  const kubelet = new KubeletSimulator(store, cache, timers, {
    readyDelayMs: options.readyDelayMs,
    terminationDelayMs: options.terminationDelayMs ?? Math.min(options.readyDelayMs, 200),
    extraStartDelayMs: (nodeName) => slowness.of(nodeName),
  });
  cache.start();
  kubelet.start();
  daemonSets.start();
  disruption.start();
  return {
    nodeFaults: new SimulatedNodeFaults(store, slowness),
    stop: async () => {
      daemonSets.stop();
      disruption.stop();
      kubelet.stop();
      cache.stop();
      timers.stop();
    },
  };
}

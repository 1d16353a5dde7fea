import type { V1DaemonSet, V1PodDisruptionBudget } from '@kubernetes/client-node';
import type { ClusterClients } from './cluster-clients.js';

/** A small DaemonSet for scenarios and benchmarks: one busybox container, label app=<name>. */
export function daemonSetManifest(name: string, options: Partial<V1DaemonSet['spec']> = {}): V1DaemonSet {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, labels },
    spec: {
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'main', image: 'busybox:1.36' }] } },
      ...options,
    },
  };
}

export function budgetManifest(name: string, app: string, minAvailable: number | string): V1PodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name },
    spec: { minAvailable, selector: { matchLabels: { app } } },
  };
}

/** Polls until `read` yields a value `done` accepts; fails with the last value seen. */
export async function waitUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
    last = await read();
  }
  return last;
}

/** DESIGN's "done": status is current and every desired pod is updated and available. */
export async function rolloutDone(clients: ClusterClients, namespace: string, name: string): Promise<boolean> {
  const ds = await clients.apps.readNamespacedDaemonSet({ namespace, name });
  const status = ds.status;
  return (
    status !== undefined &&
    (status.observedGeneration ?? 0) >= (ds.metadata?.generation ?? 0) &&
    status.updatedNumberScheduled === status.desiredNumberScheduled &&
    status.numberAvailable === status.desiredNumberScheduled
  );
}

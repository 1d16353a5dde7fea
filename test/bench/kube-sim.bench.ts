import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import {
  clusterClients,
  createSimulatedCluster,
  daemonSetManifest,
  rolloutDone,
  waitUntil,
  type ClusterClients,
} from '#rollcall/kube-sim';

export interface KubeSimBenchOptions {
  /** Small parameters (200 nodes, 1 s ready delay) to check the benchmark quickly. */
  readonly quick?: boolean;
  readonly nodes?: number;
  readonly daemonSets?: number;
  readonly readyDelayMs?: number;
  /** maxUnavailable of the measured RollingUpdate, in percent. */
  readonly maxUnavailablePercent?: number;
  readonly listRuns?: number;
  readonly pageSize?: number;
}

const NAMESPACE = 'default';
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const median = (values: number[]): number => {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const megabytes = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function listAllPages(clients: ClusterClients, labelSelector: string, pageSize: number) {
  let items = 0;
  let pages = 0;
  let token: string | undefined;
  do {
    const page = await clients.core.listPodForAllNamespaces({ labelSelector, limit: pageSize, _continue: token });
    items += page.items.length;
    pages++;
    token = page.metadata?._continue || undefined;
  } while (token !== undefined);
  return { items, pages };
}

/** 5,000 nodes × 3 DaemonSets: paginated list latency, memory, and one RollingUpdate against its floor. */
export async function runKubeSimBench(options: KubeSimBenchOptions = {}): Promise<Record<string, unknown>> {
  const nodes = options.nodes ?? (options.quick ? 200 : 5_000);
  const daemonSets = options.daemonSets ?? 3;
  const readyDelayMs = options.readyDelayMs ?? (options.quick ? 1_000 : 5_000);
  const maxUnavailablePercent = options.maxUnavailablePercent ?? 10;
  const listRuns = options.listRuns ?? 5;
  const pageSize = options.pageSize ?? 500;

  const setupStarted = performance.now();
  const cluster = await createSimulatedCluster({ nodes, readyDelayMs, seed: false });
  try {
    const clients = clusterClients(cluster.url);
    const names = Array.from({ length: daemonSets }, (_, index) => `bench-${index}`);
    const updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: `${maxUnavailablePercent}%` } };
    for (const name of names) {
      await clients.apps.createNamespacedDaemonSet({
        namespace: NAMESPACE,
        body: daemonSetManifest(name, { updateStrategy }),
      });
    }
    const allDone = async () =>
      (await Promise.all(names.map((name) => rolloutDone(clients, NAMESPACE, name)))).every(Boolean);
    await waitUntil(allDone, Boolean, readyDelayMs + 120_000);
    const setupMs = performance.now() - setupStarted;

    const memory = process.memoryUsage();
    const selector = `app in (${names.join(',')})`;
    const listTimes: number[] = [];
    let listed = { items: 0, pages: 0 };
    for (let run = 0; run < listRuns; run++) {
      const started = performance.now();
      listed = await listAllPages(clients, selector, pageSize);
      listTimes.push(performance.now() - started);
    }

    const target = names[0];
    const rolloutStarted = performance.now();
    await clients.apps.patchNamespacedDaemonSet(
      {
        namespace: NAMESPACE,
        name: target,
        body: { spec: { template: { spec: { containers: [{ name: 'main', image: 'busybox:1.37' }] } } } },
      },
      mergePatch,
    );
    const waves = Math.ceil(100 / maxUnavailablePercent);
    await waitUntil(() => rolloutDone(clients, NAMESPACE, target), Boolean, waves * readyDelayMs * 4 + 60_000);
    const rolloutMs = performance.now() - rolloutStarted;
    const floorMs = waves * readyDelayMs;

    return {
      nodes,
      daemonSets,
      pods: listed.items,
      setupMs: Math.round(setupMs),
      listAllPods: { pageSize, pages: listed.pages, runs: listRuns, medianMs: Math.round(median(listTimes)) },
      memoryAfterReady: { rssMb: megabytes(memory.rss), heapUsedMb: megabytes(memory.heapUsed) },
      rollingUpdate: {
        maxUnavailable: `${maxUnavailablePercent}%`,
        readyDelayMs,
        waves,
        wallMs: Math.round(rolloutMs),
        floorMs,
        ratio: Math.round((rolloutMs / floorMs) * 100) / 100,
        target: 1.3,
      },
    };
  } finally {
    await cluster.close();
  }
}

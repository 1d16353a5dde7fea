import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { REVISION_HASH_LABEL } from '#rollcall/domain';
import { daemonSetManifest, rolloutDone, waitUntil, type ClusterClients } from '#rollcall/kube-sim';
import type pg from 'pg';
import { startBenchInfrastructure } from './rollout/bench-infrastructure.js';
import { decisionLatencies } from './rollout/decision-latency.js';
import { recordPodTimeline } from './rollout/pod-timeline.recorder.js';
import { rolloutFailureReport } from './rollout/rollout-failure.report.js';

export interface RolloutBenchOptions {
  /** 300 nodes and a 1 s ready delay instead of 5,000 nodes and 5 s. */
  readonly quick: boolean;
  /** Overrides the node count (also from ROLLOUT_BENCH_NODES), e.g. for a faster reproduction. */
  readonly nodes?: number;
  /** Overrides the simulated ready delay (also from ROLLOUT_BENCH_READY_DELAY_MS). */
  readonly readyDelayMs?: number;
}

const NAMESPACE = 'default';
const APP = 'bench-agent';
const MAX_UNAVAILABLE_PERCENT = 10;
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const round2 = (value: number) => Math.round(value * 100) / 100;
const ENDED = ['Succeeded', 'Failed', 'Paused', 'RolledBack', 'Aborted'];

async function rolloutStatus(pool: pg.Pool, rolloutId: string): Promise<string> {
  const result = await pool.query<{ state: string }>('SELECT state FROM rollouts WHERE id = $1', [rolloutId]);
  return result.rows[0]?.state ?? 'Unknown';
}

function positiveFromEnvironment(name: string): number | undefined {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

async function currentHash(clients: ClusterClients): Promise<string> {
  const pods = await clients.core.listNamespacedPod({ namespace: NAMESPACE, labelSelector: `app=${APP}`, limit: 1 });
  return pods.items[0]?.metadata?.labels?.[REVISION_HASH_LABEL] ?? '';
}

/** The simulator's own RollingUpdate of the DaemonSet to `image`: the baseline the orchestrator is held to. */
async function simulatorRollingUpdate(clients: ClusterClients, image: string, timeoutMs: number): Promise<number> {
  const started = performance.now();
  await clients.apps.patchNamespacedDaemonSet(
    {
      namespace: NAMESPACE,
      name: APP,
      body: { spec: { template: { spec: { containers: [{ name: 'main', image }] } } } },
    },
    mergePatch,
  );
  await waitUntil(() => rolloutDone(clients, NAMESPACE, APP), Boolean, timeoutMs);
  return performance.now() - started;
}

/**
 * One DaemonSet on N nodes: the simulator's RollingUpdate (maxUnavailable 10%), then a one-stage
 * orchestrated rollout of the same DaemonSet with the same batch size, timed to Succeeded; and the
 * decision latency from a Ready replacement to the next eviction, seen from the simulator's store.
 */
export async function runRolloutBench(options: RolloutBenchOptions): Promise<Record<string, unknown>> {
  const nodes = options.nodes ?? positiveFromEnvironment('ROLLOUT_BENCH_NODES') ?? (options.quick ? 300 : 5_000);
  const readyDelayMs =
    options.readyDelayMs ?? positiveFromEnvironment('ROLLOUT_BENCH_READY_DELAY_MS') ?? (options.quick ? 1_000 : 5_000);
  const waves = Math.ceil(100 / MAX_UNAVAILABLE_PERCENT);
  const timeoutMs = waves * readyDelayMs * 6 + 120_000;
  const infrastructure = await startBenchInfrastructure(nodes, readyDelayMs);
  try {
    const { clients, cluster, orchestrator, pool } = infrastructure;
    const updateStrategy = {
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: `${MAX_UNAVAILABLE_PERCENT}%` },
    };
    await clients.apps.createNamespacedDaemonSet({
      namespace: NAMESPACE,
      body: daemonSetManifest(APP, { updateStrategy }),
    });
    await waitUntil(() => rolloutDone(clients, NAMESPACE, APP), Boolean, timeoutMs);
    const simulatorMs = await simulatorRollingUpdate(clients, 'busybox:1.37', timeoutMs);

    const timeline = recordPodTimeline(cluster.store, APP, await currentHash(clients));
    const started = performance.now();
    const rollout = await orchestrator.service.start(
      {
        daemonSet: { namespace: NAMESPACE, name: APP },
        change: { containers: [{ name: 'main', image: 'busybox:1.38' }] },
        strategy: { stages: [{ name: 'all', nodes: { percent: 100 }, maxUnavailable: `${MAX_UNAVAILABLE_PERCENT}%` }] },
        reason: 'benchmark',
        ticket: null,
      },
      { kind: 'user', id: 'bench' },
    );
    // A rollout still running at the deadline is reported as it stands, not thrown away. The status is
    // polled from the summary row (one indexed read): building the full view every 25 ms would load the
    // orchestrator it measures.
    await waitUntil(
      () => rolloutStatus(pool, rollout.id),
      (status) => ENDED.includes(status) || performance.now() - started > timeoutMs,
      timeoutMs + 60_000,
    );
    const orchestratorMs = performance.now() - started;
    timeline.stop();
    const finished = await orchestrator.service.get(rollout.id);
    const latency = decisionLatencies(timeline.readyAt, timeline.evictedAt);
    const ratio = round2(orchestratorMs / simulatorMs);

    return {
      nodes,
      readyDelayMs,
      maxUnavailable: `${MAX_UNAVAILABLE_PERCENT}%`,
      status: finished.status,
      nodesUpdated: finished.nodes.filter((node) => node.status === 'Updated').length,
      evictions: timeline.evictedAt.length,
      rollout: {
        orchestratorWallMs: Math.round(orchestratorMs),
        simulatorRollingUpdateWallMs: Math.round(simulatorMs),
        floorMs: waves * readyDelayMs,
        ratio,
        target: 1.2,
        met: finished.status === 'Succeeded' && ratio <= 1.2,
      },
      decisionLatency: { ...latency.decision, targetP99Ms: 200, met: latency.decision.p99Ms <= 200 },
      batchDispatchLatency: latency.dispatch,
      ...(finished.status === 'Succeeded' ? {} : { failure: await rolloutFailureReport(pool, finished) }),
    };
  } finally {
    await infrastructure.close();
  }
}

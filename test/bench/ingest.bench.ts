import { availableParallelism } from 'node:os';
import { CLUSTER_TOPIC } from '#rollcall/domain';
import { startKafkaForTests, startPostgresForTests } from '#rollcall/testing';
import type { Pool } from 'pg';
import { measureBareBaseline, type BaselineOptions } from './ingest/bare-baseline.js';
import { startBenchCluster } from './ingest/bench-cluster.js';
import { createBenchDatabase } from './ingest/bench-database.js';
import { CommitTracker } from './ingest/commit-tracker.js';
import { loadHistory } from './ingest/history-load.js';
import { IngestPipeline } from './ingest/ingest-pipeline.js';
import { timeNodeHistoryInOwnProcess } from './ingest/node-history-query.js';
import { changeAllPods, changePodsSteadily, daemonSetPods, type PodRef } from './ingest/pod-changes.js';
import { cpuMicrosecondsPerEvent, cpuSecondsByPart } from './ingest/process-cpu.js';
import { bytesPerEvent, readWriteVolume } from './ingest/write-volume.js';
import { megabytes, percentile, pollUntil, round, sleep } from './ingest/stats.js';

const DAEMON_SETS = 3;
/** Five, so the median holds against single slow bursts on a noisy machine. */
const BURSTS = 5;
// One more burst (and baseline round) goes first, untimed in the figures: the first burst after the
// sync ran 10-20 % slower in every part (code paths of updates not yet compiled, memory not yet grown),
// which is not the sustained rate the figure is about. Both warm-ups are reported apart.
const LAG_RATE_PER_SECOND = 1_000;
const LAG_POLL_MS = 10;
/** Every 10th change is timed: 100 probes a second. */
const LAG_SAMPLE_EVERY = 10;
/**
 * A fresh client process's first few hundred queries pay for the memory its heap grows into (on this VM
 * 50-75 us per page the host faults in again, README): they are timed apart from the figure of a warm one.
 */
const HISTORY_WARMUP_QUERIES = 1_000;
const HISTORY_QUERIES = 1_000;

async function burstEventsPerSecond(
  pool: Pool,
  store: Parameters<typeof changeAllPods>[0],
  pods: PodRef[],
  round: number,
) {
  const before = store.currentResourceVersion();
  const started = performance.now();
  await changeAllPods(store, pods, round);
  // Done when no row is left at a version from before the burst. Counting the changed rows instead scanned
  // all 15,000 rows every 50 ms, about 4 % of the CPU the pipeline could have had; this scan stops at the
  // first row still to come, which is near the start until the burst's last few changes.
  await pollUntil(
    'the burst',
    async () =>
      (
        await pool.query<{ done: boolean }>(
          'SELECT NOT EXISTS (SELECT FROM daemonset_node_state WHERE resource_version <= $1) AS done',
          [before],
        )
      ).rows[0].done,
    120_000,
    50,
  );
  return pods.length / ((performance.now() - started) / 1000);
}

async function projectionLag(
  pool: Pool,
  store: Parameters<typeof changeAllPods>[0],
  pods: PodRef[],
  durationMs: number,
) {
  const tracker = new CommitTracker(pool, LAG_SAMPLE_EVERY);
  let changing = true;
  const polling = (async () => {
    while (changing || tracker.unconfirmed > 0) {
      await tracker.poll();
      await sleep(LAG_POLL_MS);
    }
  })();
  const changes = await changePodsSteadily(store, pods, LAG_RATE_PER_SECOND, durationMs, (change) =>
    tracker.add(change),
  );
  changing = false;
  await Promise.race([polling, sleep(60_000).then(() => Promise.reject(new Error('changes never committed')))]);
  return {
    ratePerSecond: LAG_RATE_PER_SECOND,
    durationMs,
    changes,
    pollIntervalMs: LAG_POLL_MS,
    timedChanges: tracker.lagsMs.length,
    p50Ms: round(percentile(tracker.lagsMs, 0.5)),
    p99Ms: round(percentile(tracker.lagsMs, 0.99)),
    maxMs: round(Math.max(...tracker.lagsMs)),
    targetP99Ms: 250,
  };
}

async function podObservedSample(pool: Pool): Promise<BaselineOptions['sample']> {
  const row = await pool.query(
    `SELECT event_id AS id, type, schema_version AS "schemaVersion", occurred_at AS "occurredAt",
            observed_at AS "observedAt", correlation_id AS "correlationId", causation_id AS "causationId", actor, data
       FROM history WHERE type = 'PodObserved' LIMIT 1`,
  );
  return row.rows[0];
}

/**
 * The audit pipeline's figures, with the watcher and the projector running as deployed (their own
 * processes, the compose file's Node flags) and the simulator in this process: initial sync of `nodes` x 3 DaemonSets, sustained throughput against a
 * bare kafkajs + INSERT pipe, projection lag at 1,000 events/s, node history queries over a large
 * history, and the watcher's resident memory.
 */
export async function runIngestBench(options: { quick: boolean }): Promise<Record<string, unknown>> {
  const nodes = options.quick ? 500 : 5_000;
  const historyRows = options.quick ? 1_000_000 : 10_000_000;
  const lagDurationMs = options.quick ? 5_000 : 15_000;
  if (process.env.KAFKA_BROKERS)
    throw new Error(`the ingest bench needs a broker of its own (it uses ${CLUSTER_TOPIC}): unset KAFKA_BROKERS`);
  const [postgres, kafka] = await Promise.all([startPostgresForTests(), startKafkaForTests()]);
  const database = await createBenchDatabase(postgres.url);
  const setupStarted = performance.now();
  const cluster = await startBenchCluster(nodes, DAEMON_SETS);
  const pipeline = new IngestPipeline(cluster, database.pool, database.url, kafka.brokers);
  try {
    const setupMs = performance.now() - setupStarted;
    const pods = daemonSetPods(cluster.store);
    await pipeline.startProjector();

    const syncStarted = performance.now();
    const watcher = await pipeline.startWatcher();
    await pipeline.waitForProjected(pods.length, nodes, 180_000);
    const initialSyncMs = performance.now() - syncStarted;
    await sleep(2_000);
    const [rssAfterSync, peakRssThroughSync] = await Promise.all([watcher.rss(), watcher.peakRss()]);
    const [watcherHeapUsed, watcherHeapTotal] = await Promise.all([
      watcher.metricSum('nodejs_heap_size_used_bytes'),
      watcher.metricSum('nodejs_heap_size_total_bytes'),
    ]);
    const warmupBurst = await burstEventsPerSecond(database.pool, cluster.store, pods, 0);
    const workBefore = await pipeline.projectorWork();
    const rolePids = { watcher: watcher.pid, projector: pipeline.projectorPid };
    const cpuBefore = cpuSecondsByPart(rolePids);
    const writtenBefore = await readWriteVolume(database.pool);

    const bursts: number[] = [];
    const burstsSystemCpu: number[] = [];
    for (let round = 1, reading = cpuBefore; round <= BURSTS; round++) {
      bursts.push(await burstEventsPerSecond(database.pool, cluster.store, pods, round));
      const next = cpuSecondsByPart(rolePids);
      burstsSystemCpu.push(cpuMicrosecondsPerEvent(reading.system, next.system, pods.length).total);
      reading = next;
    }
    const cpuAfter = cpuSecondsByPart(rolePids);
    const cpuPerEvent = cpuMicrosecondsPerEvent(cpuBefore.all, cpuAfter.all, BURSTS * pods.length);
    const systemCpuPerEvent = cpuMicrosecondsPerEvent(cpuBefore.system, cpuAfter.system, BURSTS * pods.length);
    const writtenPerEvent = bytesPerEvent(writtenBefore, await readWriteVolume(database.pool), BURSTS * pods.length);
    const workAfter = await pipeline.projectorWork();
    const burstTransactions = workAfter.transactions - workBefore.transactions;
    const projectorDuringBursts = {
      // Summed over transactions, of which two run at once: it can exceed the wall time.
      transactionSeconds: round(workAfter.transactionSeconds - workBefore.transactionSeconds, 2),
      wallSeconds: round(pods.length * bursts.reduce((total, rate) => total + 1 / rate, 0), 2),
      transactions: burstTransactions,
      eventsPerTransaction: round((workAfter.events - workBefore.events) / Math.max(1, burstTransactions)),
    };
    const lag = await projectionLag(database.pool, cluster.store, pods, lagDurationMs);
    const peakRssThroughBurstsAndLag = await watcher.peakRss();
    const sample = await podObservedSample(database.pool);
    await pipeline.stop();
    await cluster.close();

    const { warmupEventsPerSecond: baselineWarmup, roundsEventsPerSecond: baselineRounds } = await measureBareBaseline(
      {
        brokers: kafka.brokers.split(','),
        pool: database.pool,
        topic: `${CLUSTER_TOPIC}.baseline`,
        partitions: 12,
        sample,
        events: pods.length,
      },
      BURSTS,
    );
    const baseline = percentile(baselineRounds, 0.5);
    const loadMs = await loadHistory(database.pool, historyRows, nodes);
    const nodeHistory = await timeNodeHistoryInOwnProcess(database.url, nodes, HISTORY_WARMUP_QUERIES, HISTORY_QUERIES);

    const medianBurst = percentile(bursts, 0.5);
    return {
      nodes,
      daemonSets: DAEMON_SETS,
      pods: pods.length,
      clusterSetupMs: Math.round(setupMs),
      initialSync: { ms: Math.round(initialSyncMs), targetMs: 15_000 },
      throughput: {
        eventsPerBurst: pods.length,
        warmupBurstEventsPerSecond: Math.round(warmupBurst),
        burstsEventsPerSecond: bursts.map((value) => Math.round(value)),
        medianEventsPerSecond: Math.round(medianBurst),
        bareBaselineWarmupEventsPerSecond: Math.round(baselineWarmup),
        bareBaselineRoundsEventsPerSecond: baselineRounds.map((value) => Math.round(value)),
        bareBaselineEventsPerSecond: Math.round(baseline),
        ratioToBaseline: round(medianBurst / baseline, 2),
        targetEventsPerSecond: 5_000,
        targetRatio: 0.5,
        projectorDuringBursts,
        // Every part shares this machine's cores: the sum bounds the rate at cores / total.
        cpuMicrosecondsPerEventDuringBursts: cpuPerEvent,
        cpuBoundEventsPerSecond: Math.round((availableParallelism() * 1e6) / cpuPerEvent.total),
        // The kernel's part of the above, per part and per burst: it grows in the bursts that slow down,
        // when the new page-cache pages come from memory the host has to fault in again (README).
        systemCpuMicrosecondsPerEventDuringBursts: systemCpuPerEvent,
        burstsSystemCpuMicrosecondsPerEvent: burstsSystemCpu,
        bytesWrittenPerEventDuringBursts: writtenPerEvent,
      },
      projectionLag: lag,
      nodeHistoryQuery: { historyRows, loadMs: Math.round(loadMs), ...nodeHistory, targetP99Ms: 10 },
      watcherMemory: {
        rssMbAfterSync: megabytes(rssAfterSync),
        // The kernel's high-water marks (VmHWM): through the sync, and through the bursts and the lag run.
        peakRssMbThroughSync: megabytes(peakRssThroughSync),
        peakRssMbThroughBurstsAndLag: megabytes(peakRssThroughBurstsAndLag),
        heapUsedMbAfterSync: megabytes(watcherHeapUsed),
        heapTotalMbAfterSync: megabytes(watcherHeapTotal),
        nodeFlags: watcher.nodeFlags.join(' '),
        mallocEnv: watcher.mallocEnv,
        targetMb: 150,
      },
    };
  } finally {
    await pipeline.stop().catch(() => undefined);
    await cluster.close().catch(() => undefined);
    await database.drop();
    await Promise.all([postgres.stop(), kafka.stop()]);
  }
}

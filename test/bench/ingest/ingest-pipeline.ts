import type { SimulatedCluster } from '#rollcall/kube-sim';
import { KafkaEventBus } from '#rollcall/messaging';
import { Projector, ProjectorMetrics } from '#rollcall/projector';
import type { Pool } from 'pg';
import { Registry } from 'prom-client';
import { pollUntil } from './stats.js';
import { WatcherApp } from './watcher-app.js';

const quiet = { warn: () => undefined, error: (message: string) => console.error(message) };

/** The projector in this process and the deployed watcher app in a child, on one topic, projecting into `pool`. */
export class IngestPipeline {
  readonly projectorBus: KafkaEventBus;
  private projector: Projector | undefined;
  watcher: WatcherApp | undefined;
  private readonly registry = new Registry();

  constructor(
    private readonly cluster: SimulatedCluster,
    private readonly pool: Pool,
    private readonly brokers: string,
    readonly topic: string,
  ) {
    this.projectorBus = new KafkaEventBus({ brokers: brokers.split(','), clientId: 'ingest-bench', logger: quiet });
  }

  /** Starts the projector and gives it time to join its group, so the sync timing measures ingest only. */
  async startProjector(): Promise<void> {
    this.projector = new Projector({
      pool: this.pool,
      bus: this.projectorBus,
      metrics: new ProjectorMetrics(this.registry),
      groupId: `${this.topic}.projector`,
      topics: [this.topic],
    });
    await this.projector.start();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  }

  async startWatcher(): Promise<WatcherApp> {
    this.watcher = await WatcherApp.start({
      kubeApiUrl: this.cluster.url,
      kafkaBrokers: this.brokers,
    });
    return this.watcher;
  }

  /** Waits until the projections hold `pods` live pod rows and `nodes` live nodes. */
  async waitForProjected(pods: number, nodes: number, timeoutMs: number): Promise<void> {
    await pollUntil(
      'the initial sync',
      async () => {
        const counts = await this.pool.query<{ pods: string; nodes: string }>(
          `SELECT (SELECT count(*) FROM daemonset_node_state WHERE deleted_at IS NULL) AS pods,
                  (SELECT count(*) FROM nodes WHERE deleted_at IS NULL) AS nodes`,
        );
        return Number(counts.rows[0].pods) === pods && Number(counts.rows[0].nodes) === nodes;
      },
      timeoutMs,
      50,
    );
  }

  /** Cumulative projector work so far: seconds inside batch transactions, transactions, events applied. */
  async projectorWork(): Promise<{ busySeconds: number; transactions: number; events: number }> {
    const metrics = await this.registry.getMetricsAsJSON();
    const valuesOf = (name: string) =>
      (metrics.find((metric) => metric.name === name)?.values ?? []) as { metricName?: string; value: number }[];
    const batchValues = valuesOf('rollcall_projector_batch_duration_seconds');
    const summed = (suffix: string) =>
      batchValues
        .filter((value) => value.metricName?.endsWith(suffix))
        .reduce((total, value) => total + value.value, 0);
    const events = valuesOf('rollcall_projector_events_applied_total').reduce((total, value) => total + value.value, 0);
    return { busySeconds: summed('_sum'), transactions: summed('_count'), events };
  }

  async stop(): Promise<void> {
    await this.watcher?.stop();
    await this.projector?.stop();
    await this.projectorBus.close();
  }
}

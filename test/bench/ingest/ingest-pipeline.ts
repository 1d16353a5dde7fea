import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeKubeconfig, type SimulatedCluster } from '#rollcall/kube-sim';
import type { Pool } from 'pg';
import { RoleProcess } from './role-process.js';
import { pollUntil } from './stats.js';

/**
 * The deployed projector and watcher, each in its own process, between the simulator in this process
 * and the database the benchmark reads.
 */
export class IngestPipeline {
  projector: RoleProcess | undefined;
  watcher: RoleProcess | undefined;

  constructor(
    private readonly cluster: SimulatedCluster,
    private readonly pool: Pool,
    private readonly databaseUrl: string,
    private readonly brokers: string,
  ) {}

  /** Starts the projector and waits until it is ready and has joined its group, so the sync timing measures ingest only. */
  async startProjector(): Promise<void> {
    this.projector = await RoleProcess.start('projector', {
      DATABASE_URL: this.databaseUrl,
      KAFKA_BROKERS: this.brokers,
    });
    await this.projector.ready(60_000);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  }

  /** The watcher needs Kafka and a kubeconfig only. */
  async startWatcher(): Promise<RoleProcess> {
    const directory = await mkdtemp(join(tmpdir(), 'rollcall-bench-watcher-'));
    await writeKubeconfig(join(directory, 'kubeconfig'), { server: this.cluster.url });
    this.watcher = await RoleProcess.start(
      'watcher',
      { KUBECONFIG: join(directory, 'kubeconfig'), KAFKA_BROKERS: this.brokers },
      () => rm(directory, { recursive: true, force: true }),
    );
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

  get projectorPid(): number {
    if (!this.projector) throw new Error('the projector is not running');
    return this.projector.pid;
  }

  /** Cumulative projector work so far, from its metrics: seconds inside batch transactions, transactions, events applied. */
  async projectorWork(): Promise<{ transactionSeconds: number; transactions: number; events: number }> {
    const projector = this.projector;
    if (!projector) throw new Error('the projector is not running');
    const [transactionSeconds, transactions, events] = await Promise.all([
      projector.metricSum('rollcall_projector_batch_duration_seconds_sum'),
      projector.metricSum('rollcall_projector_batch_duration_seconds_count'),
      projector.metricSum('rollcall_projector_events_applied_total'),
    ]);
    return { transactionSeconds, transactions, events };
  }

  async stop(): Promise<void> {
    await this.watcher?.stop();
    await this.projector?.stop();
  }
}

import type { V1Pod } from '@kubernetes/client-node';
import {
  clusterClients,
  createSimulatedCluster,
  daemonSetManifest,
  rolloutDone,
  waitUntil,
  type ClusterClients,
  type SimulatedCluster,
} from '#rollcall/kube-sim';
import { loadKubeConfig } from '#rollcall/kube';
import { InProcessEventBus } from '#rollcall/messaging';
import { createOrchestrator, type Orchestrator, type OrchestratorSettings } from '#rollcall/orchestrator';
import { createPool } from '#rollcall/postgres';
import { createTestSchema, type TestSchema } from '#rollcall/testing';
import type pg from 'pg';
import { pino } from 'pino';

export const NAMESPACE = 'default';
export const alice = { kind: 'user', id: 'alice' } as const;
export const bob = { kind: 'user', id: 'bob' } as const;
export const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });

/** Short leases and fast loops so that takeovers after a kill happen within a couple of seconds. */
export const FAST: Partial<OrchestratorSettings> = {
  leaseTtlMs: 1_200,
  superviseEveryMs: 250,
  timerPollMs: 100,
  relayPollMs: 100,
  effectRetryMs: 300,
};

/** An orchestrator instance with its own pool, so killing it closes its connections as a dead process would. */
export interface OrchestratorInstance {
  readonly orchestrator: Orchestrator;
  readonly pool: pg.Pool;
}

/** A real PostgreSQL schema, an in-process bus and a simulated cluster over HTTP, for one test file. */
export class OrchestratorFixture {
  private readonly running = new Set<OrchestratorInstance>();

  private constructor(
    readonly schema: TestSchema,
    readonly bus: InProcessEventBus,
    readonly cluster: SimulatedCluster,
    readonly clients: ClusterClients,
  ) {}

  static async create(nodes: number, readyDelayMs: number): Promise<OrchestratorFixture> {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: run through the integration project (npm run test:int)');
    const schema = await createTestSchema(url);
    const cluster = await createSimulatedCluster({ nodes, readyDelayMs, seed: false, host: '127.0.0.1', port: 0 });
    return new OrchestratorFixture(schema, new InProcessEventBus(), cluster, clusterClients(cluster.url));
  }

  async start(settings: Partial<OrchestratorSettings> = {}): Promise<OrchestratorInstance> {
    const pool = createPool({
      url: process.env.DATABASE_URL ?? '',
      schema: this.schema.schema,
      applicationName: 'orchestrator-under-test',
      logger,
      max: 4,
    });
    const orchestrator = createOrchestrator({
      pool,
      bus: this.bus,
      kubeConfig: loadKubeConfig({ serverUrl: this.cluster.url }),
      logger,
      settings: { ...FAST, ...settings },
    });
    await orchestrator.runtime.start();
    const instance = { orchestrator, pool };
    this.running.add(instance);
    return instance;
  }

  /** Stops the instance as a killed process stops: loops end, leases stay behind, connections close. */
  async kill(instance: OrchestratorInstance): Promise<void> {
    this.running.delete(instance);
    await instance.orchestrator.runtime.halt();
    await instance.pool.end();
  }

  async createDaemonSet(name: string): Promise<void> {
    const strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } };
    await this.clients.apps.createNamespacedDaemonSet({
      namespace: NAMESPACE,
      body: daemonSetManifest(name, { updateStrategy: strategy }),
    });
    await waitUntil(() => rolloutDone(this.clients, NAMESPACE, name), Boolean, 30_000);
  }

  async pods(app: string): Promise<V1Pod[]> {
    return (await this.clients.core.listNamespacedPod({ namespace: NAMESPACE, labelSelector: `app=${app}` })).items;
  }

  async close(): Promise<void> {
    for (const instance of this.running) {
      await instance.orchestrator.runtime.stop().catch(() => undefined);
      await instance.pool.end().catch(() => undefined);
    }
    await this.bus.close();
    await this.cluster.close();
    await this.schema.drop();
  }
}

export const isReady = (pod: V1Pod): boolean =>
  pod.metadata?.deletionTimestamp === undefined &&
  pod.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') === true;

export function imageSpec(name: string, image: string, strategy: Record<string, unknown>) {
  return {
    daemonSet: { namespace: NAMESPACE, name },
    change: { containers: [{ name: 'main', image }] },
    strategy,
    reason: 'integration test',
    ticket: null,
  };
}

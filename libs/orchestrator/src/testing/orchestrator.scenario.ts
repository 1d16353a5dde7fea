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
import { createPool } from '#rollcall/postgres';
import { createTestSchema, type TestSchema } from '#rollcall/testing';
import type { V1Pod } from '@kubernetes/client-node';
import type pg from 'pg';
import { pino } from 'pino';
import { createOrchestrator, type Orchestrator } from '../orchestrator.factory.js';
import type { OrchestratorSettings } from '../orchestrator.settings.js';

export const NAMESPACE = 'default';
export const alice = { kind: 'user', id: 'alice' } as const;
export const bob = { kind: 'user', id: 'bob' } as const;
export const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });

/** Fast loops, so tests see lease takeovers and timers within seconds. */
export const FAST: Partial<OrchestratorSettings> = {
  leaseTtlMs: 1_500,
  superviseEveryMs: 300,
  timerPollMs: 100,
  relayPollMs: 100,
  effectRetryMs: 300,
};

/** An orchestrator with a connection pool of its own, so killing it closes its connections as a dead process would. */
export interface KillableOrchestrator {
  readonly orchestrator: Orchestrator;
  readonly pool: pg.Pool;
}

/** A real PostgreSQL schema, an in-process bus and a simulated cluster over HTTP, for one test file. */
export class OrchestratorScenario {
  private readonly running = new Set<Orchestrator>();
  private readonly ownPools = new Map<Orchestrator, pg.Pool>();

  private constructor(
    readonly schema: TestSchema,
    readonly bus: InProcessEventBus,
    readonly cluster: SimulatedCluster,
    readonly clients: ClusterClients,
  ) {}

  static async create(nodes: number, readyDelayMs: number): Promise<OrchestratorScenario> {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: run through the integration project (npm run test:int)');
    const schema = await createTestSchema(url);
    const cluster = await createSimulatedCluster({ nodes, readyDelayMs, seed: false, host: '127.0.0.1', port: 0 });
    return new OrchestratorScenario(schema, new InProcessEventBus(), cluster, clusterClients(cluster.url));
  }

  /** Starts an orchestrator instance on the scenario's schema, with its own pool or API server address when given. */
  async startOrchestrator(
    settings: Partial<OrchestratorSettings> = {},
    pool = this.schema.pool,
    serverUrl = this.cluster.url,
  ): Promise<Orchestrator> {
    const orchestrator = createOrchestrator({
      pool,
      bus: this.bus,
      kubeConfig: loadKubeConfig({ serverUrl }),
      logger,
      settings: { ...FAST, ...settings },
    });
    await orchestrator.runtime.start();
    this.running.add(orchestrator);
    return orchestrator;
  }

  /** Starts an orchestrator instance on a pool of its own, for tests that kill instances. */
  async startKillable(settings: Partial<OrchestratorSettings> = {}): Promise<KillableOrchestrator> {
    const pool = createPool({
      url: process.env.DATABASE_URL ?? '',
      schema: this.schema.schema,
      applicationName: 'orchestrator-under-test',
      logger,
      max: 4,
    });
    const orchestrator = await this.startOrchestrator(settings, pool);
    this.ownPools.set(orchestrator, pool);
    return { orchestrator, pool };
  }

  /** Stops the instance as a killed process stops: loops end, leases stay behind, connections close. */
  async kill({ orchestrator, pool }: KillableOrchestrator): Promise<void> {
    this.running.delete(orchestrator);
    this.ownPools.delete(orchestrator);
    await orchestrator.runtime.halt();
    await pool.end();
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
    await Promise.all([...this.running].map((orchestrator) => orchestrator.runtime.stop().catch(() => undefined)));
    await Promise.all([...this.ownPools.values()].map((pool) => pool.end().catch(() => undefined)));
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

import { loadKubeConfig } from '#rollcall/kube';
import { clusterClients, createSimulatedCluster, type ClusterClients, type SimulatedCluster } from '#rollcall/kube-sim';
import { InProcessEventBus } from '#rollcall/messaging';
import { createOrchestrator, type Orchestrator } from '#rollcall/orchestrator';
import { createPool } from '#rollcall/postgres';
import { createTestSchema, startPostgresForTests, type ProvidedPostgres, type TestSchema } from '#rollcall/testing';
import type pg from 'pg';
import { pino } from 'pino';

/** Everything the rollout benchmark runs against: real PostgreSQL, the simulator over HTTP, one orchestrator. */
export interface BenchInfrastructure {
  readonly cluster: SimulatedCluster;
  readonly clients: ClusterClients;
  readonly orchestrator: Orchestrator;
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

export async function startBenchInfrastructure(nodes: number, readyDelayMs: number): Promise<BenchInfrastructure> {
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2));
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const postgres: ProvidedPostgres = await startPostgresForTests();
    cleanups.push(() => postgres.stop());
    const schema: TestSchema = await createTestSchema(postgres.url);
    cleanups.push(() => schema.drop());
    const pool: pg.Pool = createPool({ url: postgres.url, schema: schema.schema, applicationName: 'bench', logger });
    cleanups.push(() => pool.end());
    const cluster = await createSimulatedCluster({ nodes, readyDelayMs, seed: false, host: '127.0.0.1', port: 0 });
    cleanups.push(() => cluster.close());
    const bus = new InProcessEventBus();
    cleanups.push(() => bus.close());
    const orchestrator = createOrchestrator({
      pool,
      bus,
      kubeConfig: loadKubeConfig({ serverUrl: cluster.url }),
      logger,
    });
    await orchestrator.runtime.start();
    cleanups.push(() => orchestrator.runtime.stop());
    return { cluster, clients: clusterClients(cluster.url), orchestrator, pool, close };
  } catch (error) {
    await close();
    throw error;
  }
}

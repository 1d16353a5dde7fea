import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthModule, generateTokenSecret } from '#rollcall/auth';
import { ConfigModule, parseConfig } from '#rollcall/config';
import { HttpConventionsModule, serveOpenApiDocument } from '#rollcall/http';
import {
  clusterClients,
  createSimulatedCluster,
  daemonSetManifest,
  rolloutDone,
  waitUntil,
  writeKubeconfig,
  type ClusterClients,
  type SimulatedCluster,
} from '#rollcall/kube-sim';
import { EVENT_BUS, InProcessEventBus } from '#rollcall/messaging';
import { ROOT_LOGGER } from '#rollcall/observability';
import { PG_POOL } from '#rollcall/postgres';
import { createTestSchema, httpClient, type TestSchema } from '#rollcall/testing';
import { pino } from 'pino';
import { RolloutApiModule } from '../rollout-api.module.js';

/** Short loops, so that a two-stage rollout finishes within seconds. */
const FAST_ORCHESTRATOR = {
  leaseTtlMs: 1_500,
  superviseEveryMs: 300,
  timerPollMs: 100,
  relayPollMs: 100,
  effectRetryMs: 300,
};

/** A Nest Fastify app with auth, HTTP conventions, the orchestrator and the rollouts API, on a real schema and a simulated cluster. */
export class RolloutApiTestApp {
  private constructor(
    readonly base: string,
    readonly adminToken: string,
    readonly clients: ClusterClients,
    private readonly app: NestFastifyApplication,
    private readonly schema: TestSchema,
    private readonly cluster: SimulatedCluster,
    private readonly bus: InProcessEventBus,
    private readonly kubeconfigDir: string,
  ) {}

  static async start(nodes: number, readyDelayMs: number): Promise<RolloutApiTestApp> {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: run through the integration project (npm run test:int)');
    const schema = await createTestSchema(url);
    const cluster = await createSimulatedCluster({ nodes, readyDelayMs, seed: false, host: '127.0.0.1', port: 0 });
    const kubeconfigDir = await mkdtemp(join(tmpdir(), 'rollout-api-'));
    const kubeconfig = join(kubeconfigDir, 'kubeconfig');
    await writeKubeconfig(kubeconfig, { server: cluster.url });
    const parsed = parseConfig({ DATABASE_URL: url, KUBECONFIG: kubeconfig, LOG_LEVEL: 'warn' });
    if (!parsed.ok) throw new Error(parsed.problems.join(' '));
    const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
    const adminToken = generateTokenSecret();
    const bus = new InProcessEventBus();

    @Global()
    @Module({
      providers: [
        { provide: PG_POOL, useValue: schema.pool },
        { provide: ROOT_LOGGER, useValue: logger },
        { provide: EVENT_BUS, useValue: bus },
      ],
      exports: [PG_POOL, ROOT_LOGGER, EVENT_BUS],
    })
    class TestInfrastructureModule {}

    @Module({
      imports: [
        ConfigModule.forRoot(parsed.config),
        TestInfrastructureModule,
        HttpConventionsModule,
        AuthModule.forRoot({ adminToken, announce: () => {} }),
        RolloutApiModule.forRoot({ orchestrator: FAST_ORCHESTRATOR, drivesRollouts: true }),
      ],
    })
    class RolloutApiTestModule {}

    const app = await NestFactory.create<NestFastifyApplication>(RolloutApiTestModule, new FastifyAdapter(), {
      logger: false,
    });
    serveOpenApiDocument(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = await app.getUrl();
    const clients = clusterClients(cluster.url);
    return new RolloutApiTestApp(base, adminToken, clients, app, schema, cluster, bus, kubeconfigDir);
  }

  /** A token made through POST /v1/tokens with the admin token, as a client would get one. */
  async token(name: string, roles: readonly string[]): Promise<string> {
    const created = await httpClient(this.base)<{ token: string }>('POST', '/v1/tokens', {
      token: this.adminToken,
      body: { name, roles },
    });
    if (created.status !== 201) throw new Error(`token ${name} not created: ${JSON.stringify(created.body)}`);
    return created.body.token;
  }

  /** A DaemonSet whose one container is named like the DaemonSet, as in the Kubernetes documentation example. */
  async createDaemonSet(namespace: string, name: string): Promise<void> {
    const updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } };
    const labels = { app: name };
    const template = { metadata: { labels }, spec: { containers: [{ name, image: 'busybox:1.36' }] } };
    const body = daemonSetManifest(name, { updateStrategy, template });
    await this.clients.apps.createNamespacedDaemonSet({ namespace, body });
    await waitUntil(() => rolloutDone(this.clients, namespace, name), Boolean, 20_000);
  }

  async close(): Promise<void> {
    try {
      await this.app.close();
      await this.bus.close();
    } finally {
      await this.cluster.close();
      await this.schema.drop();
      await rm(this.kubeconfigDir, { recursive: true, force: true });
    }
  }
}

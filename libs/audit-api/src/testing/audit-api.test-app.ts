import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthModule, generateTokenSecret, type ApiRole } from '#rollcall/auth';
import type { Envelope } from '#rollcall/domain';
import { HttpConventionsModule, serveOpenApiDocument } from '#rollcall/http';
import { PG_POOL } from '#rollcall/postgres';
import { BatchApplier, ProjectorMetrics } from '#rollcall/projector';
import { createTestSchema, httpClient, type HttpAnswer, type TestSchema } from '#rollcall/testing';
import { Registry } from 'prom-client';
import { AuditApiModule } from '../audit-api.module.js';
import { DEFAULT_VERIFY_PAGE_ROWS, VERIFY_PAGE_ROWS } from '../verify/verify-page-rows.js';
import { CLUSTER_HISTORY } from './cluster-history.scenario.js';

export interface AuditApiTestApp {
  readonly app: NestFastifyApplication;
  readonly tokens: Readonly<Record<'admin' | ApiRole, string>>;
  get(path: string, token?: string): Promise<HttpAnswer>;
}

/** The audit API of a suite together with the schema it reads, for specs that look under the API. */
export interface AuditApiSuite extends AuditApiTestApp {
  readonly schema: TestSchema;
}

/**
 * Registers the suite's beforeAll/afterAll: a fresh schema holding CLUSTER_HISTORY, recorded through the projector,
 * and the audit API over it. The answer reads the started app lazily, so specs may hold it from their top level.
 */
export interface AuditApiOptions {
  /** Rows per page of chain verification; small, so a short scenario spans several pages. */
  readonly verifyPageRows?: number;
}

export function auditApiOverClusterHistory(options: AuditApiOptions = {}): AuditApiSuite {
  let schema: TestSchema | undefined;
  let api: AuditApiTestApp | undefined;
  beforeAll(async () => {
    schema = await createTestSchema(process.env.DATABASE_URL ?? '');
    await recordThroughProjector(schema, CLUSTER_HISTORY);
    api = await startAuditApi(schema, options);
  });
  afterAll(async () => {
    await api?.app.close();
    await schema?.drop();
  });
  const started = (): { schema: TestSchema; api: AuditApiTestApp } => {
    if (schema === undefined || api === undefined) throw new Error('the audit API is used before beforeAll started it');
    return { schema, api };
  };
  return {
    get schema() {
      return started().schema;
    },
    get app() {
      return started().api.app;
    },
    get tokens() {
      return started().api.tokens;
    },
    get: (path, token) => started().api.get(path, token),
  };
}

/** Records the events through the projector's own batch applier, one transaction per chain. */
async function recordThroughProjector(schema: TestSchema, events: readonly Envelope[]): Promise<void> {
  const applier = new BatchApplier(schema.pool, 'audit-api-test', new ProjectorMetrics(new Registry()));
  const messages = events.map((envelope, offset) => ({
    topic: 'rollcall.cluster.v1',
    key: 'all',
    partition: 0,
    offset: String(offset),
    envelope,
  }));
  await applier.apply({ topic: 'rollcall.cluster.v1', partition: 0, messages, nextOffset: String(messages.length) });
}

/** The audit API on Fastify with real auth, over the test's own schema, and a token per role. */
async function startAuditApi(schema: TestSchema, options: AuditApiOptions): Promise<AuditApiTestApp> {
  const adminToken = generateTokenSecret();

  @Global()
  @Module({
    providers: [
      { provide: PG_POOL, useValue: schema.pool },
      { provide: VERIFY_PAGE_ROWS, useValue: options.verifyPageRows ?? DEFAULT_VERIFY_PAGE_ROWS },
    ],
    exports: [PG_POOL, VERIFY_PAGE_ROWS],
  })
  class TestPoolModule {}

  @Module({
    imports: [
      TestPoolModule,
      HttpConventionsModule,
      AuthModule.forRoot({ adminToken, announce: () => {} }),
      AuditApiModule,
    ],
  })
  class AuditApiTestModule {}

  const app = await NestFactory.create<NestFastifyApplication>(AuditApiTestModule, new FastifyAdapter(), {
    logger: false,
  });
  serveOpenApiDocument(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = await app.getUrl();

  const call = httpClient(base);
  const get = (path: string, token?: string): Promise<HttpAnswer> => call('GET', path, { token });
  const create = async (role: ApiRole): Promise<string> => {
    const created = await call<{ token: string }>('POST', '/v1/tokens', {
      token: adminToken,
      body: { name: role, roles: [role] },
    });
    return created.body.token;
  };
  const [viewer, auditor, operator, approver] = await Promise.all(
    (['viewer', 'auditor', 'operator', 'approver'] as const).map(create),
  );
  return { app, tokens: { admin: adminToken, viewer, auditor, operator, approver }, get };
}

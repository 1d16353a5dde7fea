import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthModule, generateTokenSecret, type ApiRole } from '#rollcall/auth';
import type { Envelope } from '#rollcall/domain';
import { HttpConventionsModule, serveOpenApiDocument } from '#rollcall/http';
import { PG_POOL } from '#rollcall/postgres';
import { BatchApplier, ProjectorMetrics } from '#rollcall/projector';
import type { TestSchema } from '#rollcall/testing';
import { Registry } from 'prom-client';
import { AuditApiModule } from '../audit-api.module.js';

export interface CallResult {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

export interface AuditApiTestApp {
  readonly app: NestFastifyApplication;
  readonly tokens: Readonly<Record<'admin' | ApiRole, string>>;
  get(path: string, token?: string): Promise<CallResult>;
}

/** Records the events through the projector's own batch applier, one transaction per chain. */
export async function recordThroughProjector(schema: TestSchema, events: readonly Envelope[]): Promise<void> {
  const applier = new BatchApplier(schema.pool, 'audit-api-test', new ProjectorMetrics(new Registry()));
  const messages = events.map((envelope, offset) => ({
    topic: 'rollcall.cluster.v1',
    key: 'all',
    partition: 0,
    offset: String(offset),
    envelope,
  }));
  await applier.apply({ topic: 'rollcall.cluster.v1', partition: 0, messages });
}

/** The audit API on Fastify with real auth, over the test's own schema, and a token per role. */
export async function startAuditApi(schema: TestSchema): Promise<AuditApiTestApp> {
  const adminToken = generateTokenSecret();

  @Global()
  @Module({ providers: [{ provide: PG_POOL, useValue: schema.pool }], exports: [PG_POOL] })
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

  const get = async (path: string, token?: string): Promise<CallResult> => {
    const response = await fetch(`${base}${path}`, {
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
  };
  const create = async (role: ApiRole): Promise<string> => {
    const response = await fetch(`${base}/v1/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: role, roles: [role] }),
    });
    return ((await response.json()) as { token: string }).token;
  };
  const [viewer, auditor, operator, approver] = await Promise.all(
    (['viewer', 'auditor', 'operator', 'approver'] as const).map(create),
  );
  return { app, tokens: { admin: adminToken, viewer, auditor, operator, approver }, get };
}

import { jest } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { parseConfig, type RollcallConfig } from '#rollcall/config';
import pg from 'pg';
import { pino } from 'pino';
import { createRollcallApp } from './rollcall-app.js';

jest.setTimeout(60_000);

const serverUrl = process.env.DATABASE_URL ?? '';
const database = `readyz_${randomBytes(4).toString('hex')}`;
const admin = new pg.Pool({ connectionString: serverUrl, max: 1 });
let app: NestFastifyApplication;
let base: string;

function configFor(databaseUrl: string): RollcallConfig {
  const parsed = parseConfig({
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS,
    LOG_LEVEL: 'warn',
  });
  if (!parsed.ok) throw new Error(parsed.problems.join(' '));
  return parsed.config;
}

beforeAll(async () => {
  await admin.query(`create database "${database}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  app = await createRollcallApp({
    config: configFor(url.toString()),
    logger: pino({ level: 'silent' }),
    service: 'projector',
    roles: ['projector'],
    migrateOnStart: true,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = await app.getUrl();
});

afterAll(async () => {
  await app?.close();
  await admin.query(`drop database if exists "${database}" with (force)`);
  await admin.end();
});

describe('/readyz', () => {
  it('answers 200 while PostgreSQL and the event bus answer', async () => {
    const response = await fetch(`${base}/readyz`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      checks: [
        { name: 'postgres', ready: true },
        { name: 'event-bus', ready: true },
      ],
    });
  });

  it('answers 503 with problem details naming PostgreSQL once the database is gone, while /healthz stays 200', async () => {
    await admin.query(`drop database "${database}" with (force)`);

    const response = await fetch(`${base}/readyz`);
    const problem = (await response.json()) as { status: number; detail: string; checks: unknown[] };

    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(problem.status).toBe(503);
    expect(problem.detail).toMatch(/^Not ready: postgres \(.+\)\.$/);
    expect(problem.checks).toEqual([
      { name: 'postgres', ready: false, reason: expect.stringContaining(database) },
      { name: 'event-bus', ready: true },
    ]);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('is counted in /metrics by route and status', async () => {
    const metrics = await (await fetch(`${base}/metrics`)).text();

    expect(metrics).toMatch(/http_requests_total\{[^}]*route="\/readyz",status_code="503"[^}]*\} 1/);
    expect(metrics).toContain('process_cpu_user_seconds_total');
  });
});

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

interface ReadyzBody {
  readonly status: number | string;
  readonly detail?: string;
  readonly checks: readonly { readonly name: string; readonly ready: boolean }[];
}

/**
 * One /readyz answer in which the Kafka probe finished: each probe opens an admin connection with a
 * 2 s limit, which a loaded machine can miss now and then; this test is not about that.
 */
async function readyzWithKafkaAnswering(): Promise<{ response: Response; body: ReadyzBody }> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${base}/readyz`);
    const body = (await response.json()) as ReadyzBody;
    const bus = body.checks.find((check) => check.name === 'event-bus');
    if (bus?.ready || attempt === 5) return { response, body };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('/readyz', () => {
  it('answers 200 while PostgreSQL and the event bus answer', async () => {
    const { response, body } = await readyzWithKafkaAnswering();

    expect(response.status).toBe(200);
    expect(body).toEqual({
      status: 'ready',
      checks: [
        { name: 'postgres', ready: true },
        { name: 'event-bus', ready: true },
      ],
    });
  });

  it('answers 503 with problem details naming PostgreSQL once the database is gone, while /healthz stays 200', async () => {
    await admin.query(`drop database "${database}" with (force)`);

    const { response, body: problem } = await readyzWithKafkaAnswering();

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

    // At least the one of the previous test (more if a Kafka probe was retried there).
    expect(metrics).toMatch(/http_requests_total\{[^}]*route="\/readyz",status_code="503"[^}]*\} [1-9]/);
    expect(metrics).toContain('process_cpu_user_seconds_total');
  });
});

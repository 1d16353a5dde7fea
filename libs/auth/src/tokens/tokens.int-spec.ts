import { jest } from '@jest/globals';
import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { HttpConventionsModule, serveOpenApiDocument } from '#rollcall/http';
import { PG_POOL } from '#rollcall/postgres';
import { createTestSchema, httpClient, type TestSchema } from '#rollcall/testing';
import { AuthModule } from '../auth.module.js';
import { generateTokenSecret } from './token-secret.js';

jest.setTimeout(60_000);

const adminToken = generateTokenSecret();
let schema: TestSchema;
let app: NestFastifyApplication;
let base: string;

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: { field: string; reason: string }[];
}

function call(method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
  return httpClient(base)(method, path, { token, body, headers });
}

async function tokenCount(): Promise<number> {
  return (await schema.pool.query<{ n: number }>('select count(*)::int as n from api_tokens')).rows[0].n;
}

beforeAll(async () => {
  schema = await createTestSchema(process.env.DATABASE_URL ?? '');

  @Global()
  @Module({ providers: [{ provide: PG_POOL, useValue: schema.pool }], exports: [PG_POOL] })
  class TestPoolModule {}

  @Module({ imports: [TestPoolModule, HttpConventionsModule, AuthModule.forRoot({ adminToken, announce: () => {} })] })
  class TokensTestApp {}

  app = await NestFactory.create<NestFastifyApplication>(TokensTestApp, new FastifyAdapter(), { logger: false });
  serveOpenApiDocument(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = await app.getUrl();
});

afterAll(async () => {
  await app?.close();
  await schema?.drop();
});

describe('/v1/tokens', () => {
  it('answers 401 problem details without a token or with an unknown one', async () => {
    const missing = await call('GET', '/v1/tokens');
    const unknown = await call('GET', '/v1/tokens', generateTokenSecret());

    expect(missing.status).toBe(401);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(missing.body).toMatchObject({
      type: 'urn:rollcall:problem:missing-token',
      status: 401,
      instance: '/v1/tokens',
    });
    expect((unknown.body as Problem).type).toBe('urn:rollcall:problem:invalid-token');
  });

  it('stores the configured admin token hashed, once', async () => {
    const stored = await schema.pool.query<{ hash: string; roles: string[] }>(
      `select encode(token_hash, 'hex') as hash, roles from api_tokens`,
    );

    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0].roles).toEqual(['admin']);
    expect(stored.rows[0].hash).not.toContain(adminToken);
  });

  it('lets an admin create a token that works at once, and records who did it', async () => {
    const created = await call('POST', '/v1/tokens', adminToken, { name: 'dashboard', roles: ['viewer'] });
    const viewer = created.body as { id: string; token: string };
    const forbidden = await call('POST', '/v1/tokens', viewer.token, { name: 'x', roles: ['admin'] });
    const recorded = await schema.pool.query(
      `select action, subject from api_actions where action = 'token.created' and subject = $1`,
      [viewer.id],
    );

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'dashboard', roles: ['viewer'], token: expect.stringMatching(/^rc_/) });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ type: 'urn:rollcall:problem:forbidden', status: 403 });
    expect(recorded.rowCount).toBe(1);
  });

  it('refuses a bad body with 422 naming the fields, and creates nothing', async () => {
    const before = await tokenCount();

    const refused = await call('POST', '/v1/tokens', adminToken, { name: '', roles: ['root'] });

    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((refused.body as Problem).errors?.map((error) => error.field)).toEqual(['name', 'roles.0']);
    expect(await tokenCount()).toBe(before);
  });

  it('answers unparseable JSON with a 400 problem', async () => {
    const response = await fetch(`${base}/v1/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: '{"name":',
    });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('revokes a token, after which it is refused with 401', async () => {
    const created = (await call('POST', '/v1/tokens', adminToken, { name: 'ci', roles: ['operator'] })).body as {
      id: string;
      token: string;
    };
    const before = await call('GET', '/v1/tokens', created.token);

    const revoked = await call('DELETE', `/v1/tokens/${created.id}`, adminToken);
    const after = await call('GET', '/v1/tokens', created.token);

    expect(before.status).toBe(403);
    expect(revoked.status).toBe(204);
    expect(after.status).toBe(401);
    expect((after.body as Problem).type).toBe('urn:rollcall:problem:invalid-token');
  });

  it('refuses to revoke the last active admin token with 409', async () => {
    const admin = await schema.pool.query<{ id: string }>(`select id from api_tokens where 'admin' = any(roles)`);

    const refused = await call('DELETE', `/v1/tokens/${admin.rows[0].id}`, adminToken);

    expect(refused.status).toBe(409);
    expect((refused.body as Problem).type).toBe('urn:rollcall:problem:last-admin-token');
    expect((await call('GET', '/v1/tokens', adminToken)).status).toBe(200);
  });

  it('replays a POST retried with the same Idempotency-Key and creates one token', async () => {
    const before = await tokenCount();
    const body = { name: 'retried', roles: ['auditor'] };
    const headers = { 'idempotency-key': 'create-retried-1' };

    const first = await call('POST', '/v1/tokens', adminToken, body, headers);
    const second = await call('POST', '/v1/tokens', adminToken, body, headers);
    const different = await call('POST', '/v1/tokens', adminToken, { ...body, name: 'other' }, headers);

    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(different.status).toBe(422);
    expect((different.body as Problem).type).toBe('urn:rollcall:problem:idempotency-key-reused');
    expect(await tokenCount()).toBe(before + 1);
  });

  it('pages through tokens with an opaque cursor and never shows secrets', async () => {
    const first = await call('GET', '/v1/tokens?limit=2', adminToken);
    const page = first.body as { items: { id: string }[]; nextCursor: string | null };
    const second = await call('GET', `/v1/tokens?limit=2&cursor=${page.nextCursor}`, adminToken);
    const all = await call('GET', '/v1/tokens?limit=200', adminToken);
    const tooMany = await call('GET', '/v1/tokens?limit=1000', adminToken);
    const badCursor = await call('GET', '/v1/tokens?cursor=garbage', adminToken);

    const ids = [...page.items, ...(second.body as typeof page).items].map((item) => item.id);
    expect(ids).toEqual((all.body as typeof page).items.slice(0, 4).map((item) => item.id));
    expect(page.nextCursor).not.toBeNull();
    expect(JSON.stringify(all.body)).not.toMatch(/rc_|token_hash|tokenHash/);
    expect(tooMany.status).toBe(422);
    expect((tooMany.body as Problem).errors?.[0].field).toBe('limit');
    expect(badCursor.status).toBe(422);
  });

  it('answers an unknown route with a 404 problem', async () => {
    const missing = await call('GET', '/v1/nothing-here');

    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

describe('/openapi.json', () => {
  it('lists the token endpoints with the bearer scheme and problem responses', async () => {
    const { status, body } = await call('GET', '/openapi.json');
    const document = body as {
      paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, { content?: object }> }>>;
      components: { securitySchemes: Record<string, { scheme: string }> };
    };

    expect(status).toBe(200);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/v1/tokens', '/v1/tokens/{id}']));
    expect(document.components.securitySchemes.bearer.scheme).toBe('bearer');
    expect(document.paths['/v1/tokens'].post.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(document.paths['/v1/tokens'].post.responses)).toEqual(
      expect.arrayContaining(['201', '401', '403', '422']),
    );
    expect(document.paths['/v1/tokens'].post.responses['401'].content).toHaveProperty(['application/problem+json']);
    expect(Object.keys(document.paths['/v1/tokens/{id}'])).toEqual(['delete']);
  });
});

import { jest } from '@jest/globals';
import { Body, Controller, Global, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { PG_POOL } from '#rollcall/postgres';
import { createTestSchema, httpClient, type HttpAnswer, type TestSchema } from '#rollcall/testing';
import { HttpConventionsModule } from '../http-conventions.module.js';
import { Idempotent } from './idempotent.decorator.js';

jest.setTimeout(60_000);

@Controller('echo')
class EchoController {
  @Post()
  @Idempotent()
  echo(@Body() body: unknown): unknown {
    return { echoed: body };
  }
}

describe('Idempotency-Key on a command', () => {
  let schema: TestSchema;
  let app: NestFastifyApplication;
  let post: (body: unknown, key: string) => Promise<HttpAnswer>;

  beforeAll(async () => {
    schema = await createTestSchema(process.env.DATABASE_URL ?? '');

    @Global()
    @Module({ providers: [{ provide: PG_POOL, useValue: schema.pool }], exports: [PG_POOL] })
    class TestPoolModule {}

    @Module({ imports: [TestPoolModule, HttpConventionsModule], controllers: [EchoController] })
    class EchoModule {}

    app = await NestFactory.create<NestFastifyApplication>(EchoModule, new FastifyAdapter(), { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const call = httpClient(await app.getUrl());
    post = (body, key) => call('POST', '/echo', { body, headers: { 'idempotency-key': key } });
  });

  afterAll(async () => {
    await app.close();
    await schema.drop();
  });

  it('replays a retried command and refuses the key with another body', async () => {
    const first = await post({ b: 1, a: [1, 2] }, 'key-1');
    const retried = await post({ a: [1, 2], b: 1 }, 'key-1');
    const other = await post({ a: [1, 2], b: 2 }, 'key-1');

    expect([first.status, retried.status, other.status]).toEqual([201, 201, 422]);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body).toEqual(first.body);
  });

  it('given a claim left unanswered by a stopped process, when retried after it is abandoned, then the retry is handled', async () => {
    const unanswered = (key: string, age: string) =>
      schema.pool.query(
        `INSERT INTO idempotency_keys (actor, key, route, request_hash, created_at)
         SELECT 'anonymous', $1, 'POST /echo', request_hash, now() - $2::interval FROM idempotency_keys WHERE key = 'key-1'`,
        [key, age],
      );
    await unanswered('key-crashed-recently', '10 seconds');
    await unanswered('key-crashed-long-ago', '3 minutes');

    const recent = await post({ b: 1, a: [1, 2] }, 'key-crashed-recently');
    const abandoned = await post({ b: 1, a: [1, 2] }, 'key-crashed-long-ago');
    const replayed = await post({ b: 1, a: [1, 2] }, 'key-crashed-long-ago');

    expect(recent.status).toBe(409);
    expect([abandoned.status, abandoned.headers.get('idempotent-replayed')]).toEqual([201, null]);
    expect([replayed.status, replayed.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
  });

  it('answers 422, not 500, for a body with a lone surrogate, which has no canonical form', async () => {
    // JSON.stringify escapes the lone surrogate as \ud800, which the server parses back into one.
    const answer = await post({ name: 'broken \ud800' }, 'key-2');

    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      type: 'urn:rollcall:problem:validation-failed',
      errors: [{ field: '(root)' }],
    });
  });
});

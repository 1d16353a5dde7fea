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

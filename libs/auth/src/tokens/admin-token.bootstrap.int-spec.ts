import { jest } from '@jest/globals';
import { createTestSchema, type TestSchema } from '#rollcall/testing';
import { ApiActionsRecorder } from '../actions/api-actions.recorder.js';
import { AdminTokenBootstrap } from './admin-token.bootstrap.js';
import { ApiTokenRepository } from './api-token.repository.js';
import { generateTokenSecret, hashTokenSecret } from './token-secret.js';

jest.setTimeout(60_000);

let schema: TestSchema;

function bootstrap(adminToken: string | undefined, announced: string[]): AdminTokenBootstrap {
  const options = { adminToken, announce: (message: string) => void announced.push(message) };
  return new AdminTokenBootstrap(options, schema.pool, new ApiTokenRepository(schema.pool), new ApiActionsRecorder());
}

async function adminHashes(): Promise<string[]> {
  const rows = await schema.pool.query<{ hash: string }>(
    `select encode(token_hash, 'hex') as hash from api_tokens where 'admin' = any(roles) order by created_at`,
  );
  return rows.rows.map((row) => row.hash);
}

beforeEach(async () => {
  schema = await createTestSchema(process.env.DATABASE_URL ?? '');
});

afterEach(async () => {
  await schema.drop();
});

describe('AdminTokenBootstrap', () => {
  it('generates one admin token on first start, announces it once, and stores only its hash', async () => {
    const announced: string[] = [];

    await Promise.all([
      bootstrap(undefined, announced).onApplicationBootstrap(),
      bootstrap(undefined, announced).onApplicationBootstrap(),
    ]);
    await bootstrap(undefined, announced).onApplicationBootstrap();

    expect(announced).toHaveLength(1);
    const secret = /(rc_[A-Za-z0-9_-]{43})/.exec(announced[0])?.[1] ?? '';
    expect(await adminHashes()).toEqual([hashTokenSecret(secret).toString('hex')]);
  });

  it('stores ROLLCALL_ADMIN_TOKEN hashed, once across restarts, and announces nothing', async () => {
    const configured = generateTokenSecret();
    const announced: string[] = [];

    await bootstrap(configured, announced).onApplicationBootstrap();
    await bootstrap(configured, announced).onApplicationBootstrap();

    expect(announced).toEqual([]);
    expect(await adminHashes()).toEqual([hashTokenSecret(configured).toString('hex')]);
  });

  it('refuses a ROLLCALL_ADMIN_TOKEN that is not a token, naming the variable', async () => {
    await expect(bootstrap('password123', []).onApplicationBootstrap()).rejects.toThrow(
      /^ROLLCALL_ADMIN_TOKEN must be/,
    );
    expect(await adminHashes()).toEqual([]);
  });
});

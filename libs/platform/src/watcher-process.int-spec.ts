import { jest } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulatedCluster, writeKubeconfig, type SimulatedCluster } from '#rollcall/kube-sim';
import { freePort } from '#rollcall/postgres';

jest.setTimeout(60_000);

const WATCHER_MAIN = join(process.cwd(), 'dist/apps/watcher/src/main.js');

let cluster: SimulatedCluster;
let directory: string;
let watcher: ChildProcess;
let base: string;
let output = '';

async function readiness(): Promise<{ status: number; body: unknown }> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    if (watcher.exitCode !== null) throw new Error(`the watcher exited (${watcher.exitCode}): ${output}`);
    const response = await fetch(`${base}/readyz`).catch(() => null);
    if (response?.ok) return { status: response.status, body: await response.json() };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the watcher never became ready: ${output}`);
}

beforeAll(async () => {
  cluster = await createSimulatedCluster({ nodes: 3, readyDelayMs: 50, seed: true });
  directory = await mkdtemp(join(tmpdir(), 'rollcall-watcher-process-'));
  await writeKubeconfig(join(directory, 'kubeconfig'), { server: cluster.url });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KUBECONFIG: join(directory, 'kubeconfig'),
    PORT: String(port),
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  watcher = spawn(process.execPath, [WATCHER_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  watcher.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  watcher.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
});

afterAll(async () => {
  if (watcher.exitCode === null) {
    const exited = new Promise((resolve) => watcher.once('exit', resolve));
    watcher.kill('SIGTERM');
    await exited;
  }
  await cluster.close();
  await rm(directory, { recursive: true, force: true });
});

describe('a watcher in its own process', () => {
  it('given only Kafka and a kubeconfig (no DATABASE_URL), when started, then it is ready without a PostgreSQL check', async () => {
    const ready = await readiness();

    expect(ready).toEqual({ status: 200, body: { status: 'ready', checks: [{ name: 'event-bus', ready: true }] } });
  });
});

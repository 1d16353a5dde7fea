import { jest } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

jest.setTimeout(120_000);

const MAIN = join(process.cwd(), 'dist/apps/rollcall/src/main.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

async function waitForHealthy(url: string, child: ChildProcess, withinMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < withinMs) {
    if (child.exitCode !== null) throw new Error(`the all-in-one exited early with code ${child.exitCode}`);
    const status = await fetch(url).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer 200 within ${withinMs} ms`);
}

function exitOf(child: ChildProcess, withinMs: number): Promise<number | string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no exit within ${withinMs} ms of SIGTERM`)), withinMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? `signal ${signal}`);
    });
  });
}

describe('the built all-in-one process on embedded defaults', () => {
  let dataDir: string;
  let child: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rollcall-e2e-'));
  });

  afterAll(async () => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('becomes healthy and ready, serves metrics, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      ROLLCALL_DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    };
    delete env.DATABASE_URL;
    delete env.KAFKA_BROKERS;
    const base = `http://127.0.0.1:${port}`;
    const running = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = running;
    running.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    running.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

    await waitForHealthy(`${base}/healthz`, running, 60_000);
    const ready = await fetch(`${base}/readyz`);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    running.kill('SIGTERM');
    const exit = await exitOf(running, 15_000);

    expect(ready.status).toBe(200);
    expect(metrics).toMatch(/http_requests_total\{[^}]*route="\/healthz",status_code="200"/);
    expect(output).toContain(`is up at ${base}`);
    expect(output).toContain('embedded PostgreSQL');
    // PostgreSQL removes its pid file only on a clean stop: the embedded server went down with us.
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect({ exit, output }).toEqual({ exit: 0, output: expect.stringContaining('"signal":"SIGTERM"') });
  });
});

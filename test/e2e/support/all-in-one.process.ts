import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '#rollcall/postgres';

const MAIN = join(process.cwd(), 'dist/apps/rollcall/src/main.js');

/** An admin token the e2e tests hand to the process, so they need not read the one it would print. */
export const E2E_ADMIN_TOKEN = 'rc_e2e-admin-token-0123456789abcdefghijklmnopqrstuv';

export interface AllInOne {
  readonly base: string;
  readonly dataDir: string;
  readonly child: ChildProcess;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code (or the signal that ended it). */
  stop(withinMs?: number): Promise<number | string>;
  /** Stops the process if it still runs (SIGTERM, then SIGKILL) and removes its data directory. */
  dispose(): Promise<void>;
}

/** Starts the BUILT all-in-one process on embedded defaults (no DATABASE_URL, KAFKA_BROKERS or KUBECONFIG). */
export async function startAllInOne(extraEnv: Record<string, string> = {}): Promise<AllInOne> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rollcall-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), ROLLCALL_DATA_DIR: dataDir, ...extraEnv };
  for (const name of ['DATABASE_URL', 'KAFKA_BROKERS', 'KUBECONFIG']) delete env[name];
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    base: `http://127.0.0.1:${port}`,
    dataDir,
    child,
    output: () => output,
    stop: (withinMs = 15_000) => stopProcess(child, withinMs),
    dispose: async () => {
      // SIGTERM first: a SIGKILL would orphan the embedded PostgreSQL the process started.
      if (child.exitCode === null && child.signalCode === null) {
        await stopProcess(child, 15_000).catch(() => child.kill('SIGKILL'));
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts the all-in-one with the e2e admin token over a simulated cluster of quickly ready nodes, once /readyz answers. */
export async function startReadyAllInOne(simNodes: number): Promise<AllInOne> {
  const app = await startAllInOne({
    ROLLCALL_ADMIN_TOKEN: E2E_ADMIN_TOKEN,
    ROLLCALL_SIM_NODES: String(simNodes),
    ROLLCALL_SIM_READY_DELAY_MS: '200',
    LOG_LEVEL: 'warn',
  });
  try {
    await eventually('readiness', async () => ((await fetch(`${app.base}/readyz`)).ok ? true : undefined), 60_000, app);
  } catch (notReady) {
    await app.dispose();
    throw notReady;
  }
  return app;
}

function stopProcess(child: ChildProcess, withinMs: number): Promise<number | string> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => reject(new Error(`no exit within ${withinMs} ms of SIGTERM`)), withinMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? `signal ${signal}`);
    });
    child.kill('SIGTERM');
  });
}

/** Polls until `check` returns a value other than undefined, or fails after `withinMs` naming `what`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  withinMs: number,
  app?: AllInOne,
): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    if (app !== undefined && app.child.exitCode !== null) {
      throw new Error(
        `the all-in-one exited early (${app.child.exitCode}) while waiting for ${what}:\n${app.output()}`,
      );
    }
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${withinMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** GETs JSON with the e2e admin token; undefined unless the status is 200. */
export async function getJson<T>(app: AllInOne, path: string): Promise<T | undefined> {
  const response = await fetch(`${app.base}${path}`, { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` } });
  return response.status === 200 ? ((await response.json()) as T) : undefined;
}

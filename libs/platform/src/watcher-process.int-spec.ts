import { jest } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulatedCluster, writeKubeconfig, type SimulatedCluster } from '#rollcall/kube-sim';
import { freePort } from '#rollcall/postgres';

jest.setTimeout(60_000);

const WATCHER_MAIN = join(process.cwd(), 'dist/apps/watcher/src/main.js');

/** Loaded with --import: writes down every module the watcher process loads, and changes nothing. */
const MODULE_RECORDER = `
import { registerHooks } from 'node:module';
import { appendFileSync } from 'node:fs';
registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    appendFileSync(process.env.MODULES_LOADED_FILE, resolved.url + '\\n');
    return resolved;
  },
});
`;

let cluster: SimulatedCluster;
let directory: string;
let watcher: ChildProcess;
let base: string;
let output = '';
let modulesLoadedFile: string;

async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    if (watcher.exitCode !== null) throw new Error(`the watcher exited (${watcher.exitCode}): ${output}`);
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} never happened: ${output}`);
}

const readiness = (): Promise<{ status: number; body: unknown }> =>
  eventually(async () => {
    const response = await fetch(`${base}/readyz`).catch(() => null);
    return response?.ok ? { status: response.status, body: await response.json() } : undefined;
  }, 'becoming ready');

beforeAll(async () => {
  cluster = await createSimulatedCluster({ nodes: 3, readyDelayMs: 50, seed: true });
  directory = await mkdtemp(join(tmpdir(), 'rollcall-watcher-process-'));
  await writeKubeconfig(join(directory, 'kubeconfig'), { server: cluster.url });
  modulesLoadedFile = join(directory, 'modules-loaded.txt');
  await writeFile(join(directory, 'record-modules.mjs'), MODULE_RECORDER);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KUBECONFIG: join(directory, 'kubeconfig'),
    PORT: String(port),
    LOG_LEVEL: 'warn',
    MODULES_LOADED_FILE: modulesLoadedFile,
  };
  delete env.DATABASE_URL;
  watcher = spawn(process.execPath, ['--import', join(directory, 'record-modules.mjs'), WATCHER_MAIN], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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

  it('given a simulated cluster, when started, then it takes the Lease, publishes what it lists and watches all five kinds', async () => {
    const lease = await eventually(async () => {
      const stored = cluster.store.get('leases', 'default', 'rollcall-watcher') as
        { spec?: { holderIdentity?: string; renewTime?: string } } | undefined;
      return stored?.spec?.holderIdentity ? stored : undefined;
    }, 'taking the Lease');
    // Only the watches it opens after its initial list: nodes, DaemonSets, revisions, PDBs and pods.
    const dropped = await eventually(async () => {
      const response = await fetch(`${cluster.url}/sim/drop-watches`, { method: 'POST' });
      const { dropped: count } = (await response.json()) as { dropped: number };
      return count >= 5 ? count : undefined;
    }, 'watching');

    const metrics = await eventually(async () => {
      const text = await (await fetch(`${base}/metrics`)).text();
      return /^rollcall_watcher_events_published_total\{type="PodObserved",service="watcher"\} [1-9]/m.test(text)
        ? text
        : undefined;
    }, 'publishing pods');

    expect(metrics).toMatch(/^rollcall_watcher_leader\{service="watcher"\} 1$/m);
    expect(lease.spec?.renewTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(dropped).toBe(5);
  });

  it("given it reads the cluster as plain JSON, when running, then it has loaded none of client-node's generated API clients", async () => {
    await readiness();
    const loaded = (await readFile(modulesLoadedFile, 'utf8')).split('\n');
    const clientNode = loaded.filter((url) => url.includes('/@kubernetes/client-node/dist/'));

    // The recorder saw client-node load (KubeConfig, Watch) ...
    expect(clientNode.some((url) => url.endsWith('/client-node/dist/config.js'))).toBe(true);
    expect(clientNode.some((url) => url.endsWith('/client-node/dist/watch.js'))).toBe(true);
    // ... but neither its root (which re-exports everything) nor a generated model or API client.
    expect(
      clientNode.filter((url) => /\/client-node\/dist\/(index\.js|gen\/(index\.js|models\/|types\/))/.test(url)),
    ).toEqual([]);
  });
});

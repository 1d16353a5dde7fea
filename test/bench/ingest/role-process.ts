import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '#rollcall/postgres';
import { parse } from 'yaml';

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export type RoleService = 'watcher' | 'projector';

/** What docker/compose.yaml and docker/Dockerfile give a service's process, so the benchmark measures what is deployed. */
interface DeployedProcess {
  /** ROLLCALL_NODE_FLAGS; unset, the image's default (source-mapped stack traces). */
  readonly nodeFlags: string[];
  /** The glibc malloc tuning (MALLOC_*) of the service's environment. */
  readonly mallocEnv: Record<string, string>;
}

async function deployedProcess(service: RoleService): Promise<DeployedProcess> {
  const compose = parse(await readFile(join(repositoryRoot, 'docker/compose.yaml'), 'utf8'), { merge: true }) as {
    services: Record<RoleService, { environment: Record<string, string | undefined> }>;
  };
  const environment = compose.services[service].environment;
  const flags = environment.ROLLCALL_NODE_FLAGS ?? '--enable-source-maps';
  const mallocEnv = Object.fromEntries(
    Object.entries(environment).flatMap(([name, value]) =>
      name.startsWith('MALLOC_') && value !== undefined ? [[name, value]] : [],
    ),
  );
  return { nodeFlags: flags.split(/\s+/).filter(Boolean), mallocEnv };
}

/**
 * A role as deployed: `apps/<service>` in its own process with the deployment's Node flags and malloc settings, so it
 * shares no event loop with the simulator; memory read from /proc, figures from its /metrics.
 */
export class RoleProcess {
  private constructor(
    private readonly child: ChildProcess,
    private readonly port: number,
    readonly nodeFlags: readonly string[],
    readonly mallocEnv: Readonly<Record<string, string>>,
    private readonly cleanUp: () => Promise<void>,
  ) {}

  static async start(
    service: RoleService,
    env: Readonly<Record<string, string>>,
    cleanUp: () => Promise<void> = async () => undefined,
  ): Promise<RoleProcess> {
    const [port, { nodeFlags, mallocEnv }] = await Promise.all([freePort(), deployedProcess(service)]);
    const main = join(repositoryRoot, `dist/apps/${service}/src/main.js`);
    const child = spawn(process.execPath, [...nodeFlags, main], {
      env: { ...process.env, ...mallocEnv, ...env, PORT: String(port), LOG_LEVEL: 'error' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    return new RoleProcess(child, port, nodeFlags, mallocEnv, cleanUp);
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error('the process did not start');
    return this.child.pid;
  }

  /** Resident set size in bytes, as the kernel counts it (Linux). */
  async rss(): Promise<number> {
    const status = await readFile(`/proc/${this.child.pid}/status`, 'utf8');
    const kilobytes = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    if (kilobytes === undefined) throw new Error(`no VmRSS for the ${this.child.pid} process`);
    return Number(kilobytes) * 1024;
  }

  /** The kernel's high-water mark of the resident set since the process started (Linux VmHWM), in bytes. */
  async peakRss(): Promise<number> {
    const status = await readFile(`/proc/${this.child.pid}/status`, 'utf8');
    const kilobytes = /VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1];
    if (kilobytes === undefined) throw new Error(`no VmHWM for the ${this.child.pid} process`);
    return Number(kilobytes) * 1024;
  }

  /** The sum of a metric's samples (every label set) in the process's Prometheus metrics. */
  async metricSum(name: string): Promise<number> {
    const metrics = await (await fetch(`http://127.0.0.1:${this.port}/metrics`)).text();
    const sample = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm');
    return [...metrics.matchAll(sample)].reduce((total, match) => total + Number(match[1]), 0);
  }

  /** Resolves once /readyz answers 200. */
  async ready(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      if (this.child.exitCode !== null)
        throw new Error(`the process exited (${this.child.exitCode}) before it was ready`);
      const response = await fetch(`http://127.0.0.1:${this.port}/readyz`).catch(() => null);
      if (response?.ok) return;
      if (performance.now() > deadline) throw new Error(`not ready within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      const killTimer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killTimer);
    }
    await this.cleanUp();
  }
}

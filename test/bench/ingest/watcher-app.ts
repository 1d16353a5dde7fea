import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeKubeconfig } from '#rollcall/kube-sim';
import { freePort } from '#rollcall/postgres';
import { parse } from 'yaml';

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const watcherMain = join(repositoryRoot, 'dist/apps/watcher/src/main.js');

/** The Node flags docker/compose.yaml gives the watcher service, so the benchmark measures what is deployed. */
async function deployedWatcherFlags(): Promise<string[]> {
  const compose = parse(await readFile(join(repositoryRoot, 'docker/compose.yaml'), 'utf8'), { merge: true }) as {
    services: { watcher: { environment: Record<string, string | undefined> } };
  };
  return (compose.services.watcher.environment.ROLLCALL_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
}

export interface WatcherAppEnvironment {
  readonly kubeApiUrl: string;
  readonly kafkaBrokers: string;
}

/**
 * The watcher as deployed: `apps/watcher` (Nest, health, metrics, Lease, the cluster watch) in its own
 * process with the deployment's Node flags; memory read from /proc, heap from its /metrics.
 */
export class WatcherApp {
  private constructor(
    private readonly child: ChildProcess,
    private readonly port: number,
    private readonly directory: string,
    readonly nodeFlags: readonly string[],
  ) {}

  static async start(environment: WatcherAppEnvironment): Promise<WatcherApp> {
    const directory = await mkdtemp(join(tmpdir(), 'rollcall-bench-watcher-'));
    const kubeconfig = join(directory, 'kubeconfig');
    await writeKubeconfig(kubeconfig, { server: environment.kubeApiUrl });
    const [port, nodeFlags] = await Promise.all([freePort(), deployedWatcherFlags()]);
    const child = spawn(process.execPath, [...nodeFlags, watcherMain], {
      env: {
        ...process.env,
        KUBECONFIG: kubeconfig,
        KAFKA_BROKERS: environment.kafkaBrokers,
        PORT: String(port),
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    return new WatcherApp(child, port, directory, nodeFlags);
  }

  /** Resident set size in bytes, as the kernel counts it (Linux). */
  async rss(): Promise<number> {
    const status = await readFile(`/proc/${this.child.pid}/status`, 'utf8');
    const kilobytes = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    if (kilobytes === undefined) throw new Error('no VmRSS for the watcher process');
    return Number(kilobytes) * 1024;
  }

  /** V8 heap figures from the watcher's own Prometheus metrics. */
  async heap(): Promise<{ used: number; total: number }> {
    const metrics = await (await fetch(`http://127.0.0.1:${this.port}/metrics`)).text();
    const gauge = (name: string) => Number(new RegExp(`^${name}\\{[^}]*\\} (\\S+)$`, 'm').exec(metrics)?.[1] ?? NaN);
    return { used: gauge('nodejs_heap_size_used_bytes'), total: gauge('nodejs_heap_size_total_bytes') };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      const killTimer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killTimer);
    }
    await rm(this.directory, { recursive: true, force: true });
  }
}

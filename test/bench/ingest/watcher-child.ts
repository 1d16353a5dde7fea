import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./watcher.process.js', import.meta.url));

/** The compiled watcher in a child process, asked for its RSS over IPC. */
export class WatcherChild {
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  readonly started: Promise<void>;

  constructor(env: { KUBE_SIM_URL: string; KAFKA_BROKERS: string; WATCHER_TOPIC: string }) {
    this.child = fork(script, { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    this.started = new Promise((resolve, reject) => {
      this.child.once('exit', (code) => reject(new Error(`the watcher process exited (${code}) before starting`)));
      this.child.on('message', (message) => {
        if ((message as { started?: boolean }).started) resolve();
      });
    });
  }

  rss(): Promise<number> {
    return new Promise((resolve) => {
      const onMessage = (message: unknown) => {
        const rss = (message as { rss?: number }).rss;
        if (rss === undefined) return;
        this.child.off('message', onMessage);
        resolve(rss);
      };
      this.child.on('message', onMessage);
      this.child.send('rss');
    });
  }

  memory(): Promise<NodeJS.MemoryUsage> {
    return new Promise((resolve) => {
      const onMessage = (message: unknown) => {
        const memory = (message as { memory?: NodeJS.MemoryUsage }).memory;
        if (memory === undefined) return;
        this.child.off('message', onMessage);
        resolve(memory);
      };
      this.child.on('message', onMessage);
      this.child.send('rss');
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.send('stop');
    const killTimer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(killTimer);
  }
}

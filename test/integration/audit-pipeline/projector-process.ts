import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Pool } from 'pg';

export interface ProjectorProcessSettings {
  readonly databaseUrl: string;
  readonly schema: string;
  readonly brokers: string;
  readonly topic: string;
  readonly topicPartitions: number;
  readonly groupId: string;
}

const script = fileURLToPath(new URL('./projector.process.ts', import.meta.url));

/** A projector running in a child process: stopped cleanly with SIGTERM, or killed with SIGKILL. */
export class ProjectorProcess {
  readonly applicationName = `reliability-projector-${randomBytes(4).toString('hex')}`;
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  private captured = '';

  constructor(settings: ProjectorProcessSettings) {
    this.child = spawn(process.execPath, [script], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DATABASE_URL: settings.databaseUrl,
        KAFKA_BROKERS: settings.brokers,
        PROJECTOR_SCHEMA: settings.schema,
        PROJECTOR_APPLICATION_NAME: this.applicationName,
        PROJECTOR_GROUP_ID: settings.groupId,
        PROJECTOR_TOPIC: settings.topic,
        PROJECTOR_TOPIC_PARTITIONS: String(settings.topicPartitions),
      },
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.captured += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.captured += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
  }

  /** Whether it still runs, with what it printed (a crash's stack), for assertions. */
  get state(): { running: boolean; output: string } {
    return { running: this.child.exitCode === null && this.child.signalCode === null, output: this.captured };
  }

  async started(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.captured.includes('projector started')) {
      if (this.child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`the projector process did not start; its output:\n${this.captured}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    await this.exited;
  }

  async kill(): Promise<void> {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }

  /**
   * Kills the process the moment one of its connections is inside a transaction (a batch being
   * applied); returns whether that moment came before the timeout (it is killed either way).
   */
  async killMidTransaction(admin: Pool, timeoutMs = 20_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const open = await admin.query(
        'SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND xact_start IS NOT NULL',
        [this.applicationName],
      );
      if (open.rowCount !== null && open.rowCount > 0) {
        this.child.kill('SIGKILL');
        await this.exited;
        return true;
      }
    }
    await this.kill();
    return false;
  }
}

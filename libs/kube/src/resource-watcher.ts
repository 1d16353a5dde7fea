import type { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import type { ResyncReason } from '#rollcall/domain';
import { abortableSleep, Backoff } from './abortable-sleep.js';
import { isGone } from './kube-errors.js';
import type { ResourceEventSink } from './resource-event.js';
import type { ResourceSource } from './resource-source.js';
import { watchOnce } from './watch-once.js';

export interface ResourceWatcherOptions {
  /** Items per list page (`limit`). */
  readonly pageSize?: number;
  readonly initialRetryDelayMs?: number;
  readonly maxRetryDelayMs?: number;
  /** After this many failed watch attempts in a row the watcher relists (reason Reconnect). */
  readonly failuresBeforeRelist?: number;
  readonly onError?: (error: unknown, resource: string) => void;
}

/**
 * List then watch one resource: a paginated list, then a watch from the list's resourceVersion with
 * bookmarks, resuming from the last resourceVersion after a dropped connection and relisting on 410.
 */
export class ResourceWatcher<T extends KubernetesObject> {
  private readonly stopping = new AbortController();
  private running: Promise<void> | undefined;
  private lastResourceVersion: string | null = null;
  private readonly pageSize: number;
  private readonly backoff: Backoff;
  private readonly failuresBeforeRelist: number;

  constructor(
    private readonly kubeConfig: KubeConfig,
    private readonly source: ResourceSource<T>,
    private readonly sink: ResourceEventSink<T>,
    private readonly options: ResourceWatcherOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 500;
    this.backoff = new Backoff(options.initialRetryDelayMs ?? 200, options.maxRetryDelayMs ?? 5_000);
    this.failuresBeforeRelist = options.failuresBeforeRelist ?? 5;
  }

  get resourceVersion(): string | null {
    return this.lastResourceVersion;
  }

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  private async run(): Promise<void> {
    let relistReason: ResyncReason | null = 'Start';
    while (!this.stopped) {
      if (relistReason !== null && !(await this.relist(relistReason))) {
        await this.pause(null);
        continue;
      }
      relistReason = await this.watch();
    }
  }

  /** One watch connection; returns why the next round must relist, or null to resume. */
  private async watch(): Promise<ResyncReason | null> {
    const outcome = await watchOnce({
      kubeConfig: this.kubeConfig,
      source: this.source,
      sink: this.sink,
      resourceVersion: this.lastResourceVersion ?? '',
      signal: this.stopping.signal,
      onResourceVersion: (resourceVersion) => (this.lastResourceVersion = resourceVersion),
    });
    switch (outcome.type) {
      case 'gone':
        return 'Gone';
      case 'full':
        await this.sink.whenReady();
        return null;
      case 'failed':
        await this.pause(outcome.error);
        return this.backoff.failures >= this.failuresBeforeRelist ? 'Reconnect' : null;
      case 'closed':
      case 'stopped':
        return null;
    }
  }

  /** A full paginated list; true when it completed. A 410 on a continue token restarts it. */
  private async relist(reason: ResyncReason): Promise<boolean> {
    this.sink.offer({ type: 'RelistStarted', reason });
    let continueToken: string | undefined;
    let listResourceVersion = '';
    try {
      do {
        const page = await this.source.list({ limit: this.pageSize, continueToken, signal: this.stopping.signal });
        for (const object of page.items) this.sink.offer({ type: 'Object', change: 'RELISTED', object });
        continueToken = page.metadata?._continue || undefined;
        listResourceVersion = page.metadata?.resourceVersion ?? listResourceVersion;
        await this.sink.whenReady();
        if (this.stopped) return false;
      } while (continueToken);
    } catch (error) {
      // A stop aborts the page in flight: that is no failure to report.
      if (!isGone(error) && !this.stopped) this.options.onError?.(error, this.source.resource);
      return false;
    }
    this.lastResourceVersion = listResourceVersion;
    this.backoff.reset();
    this.sink.offer({ type: 'RelistCompleted', reason, resourceVersion: listResourceVersion });
    return true;
  }

  private async pause(error: unknown): Promise<void> {
    if (error !== null) this.options.onError?.(error, this.source.resource);
    await abortableSleep(this.backoff.next(), this.stopping.signal);
  }
}

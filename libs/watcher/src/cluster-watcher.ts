import { randomUUID } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import { POD_TEMPLATE_GENERATION_LABEL, type ClusterResourceKind } from '#rollcall/domain';
import { clusterSources, ResourceWatcher, type ResourceSource } from '#rollcall/kube';
import type { EventBus } from '#rollcall/messaging';
import type { Registry } from 'prom-client';
import { LeaseElector } from './lease-elector.js';
import { ObservationSink } from './observation.sink.js';
import { PublishQueue, type PublishQueueOptions } from './publish-queue.js';
import { DEFAULT_WATCHER_SETTINGS, type WatcherSettings } from './watcher-settings.js';
import { WatcherMetrics } from './watcher.metrics.js';

export interface ClusterWatcherDependencies {
  readonly kubeConfig: KubeConfig;
  readonly bus: EventBus;
  readonly clock?: () => Date;
  readonly onError?: (error: unknown, context: string) => void;
  /** Where the watcher's metrics go (the process's /metrics); without it, none are kept. */
  readonly metricsRegistry?: Registry;
}

/**
 * Watches Nodes, DaemonSets, ControllerRevisions, PDBs and DaemonSet pods and publishes their
 * observations while it holds the Lease; a standby only campaigns.
 */
export class ClusterWatcher {
  private readonly settings: WatcherSettings;
  private readonly elector: LeaseElector | null;
  private active: { queue: PublishQueue; watchers: ResourceWatcher<never>[] } | undefined;
  private transition: Promise<void> = Promise.resolve();
  private readonly metrics: WatcherMetrics | null;

  constructor(
    private readonly dependencies: ClusterWatcherDependencies,
    settings: Partial<WatcherSettings> = {},
  ) {
    this.settings = { ...DEFAULT_WATCHER_SETTINGS, ...settings };
    this.metrics = dependencies.metricsRegistry
      ? new WatcherMetrics(dependencies.metricsRegistry, () => this.active?.queue.size ?? 0)
      : null;
    const lease = this.settings.lease;
    this.elector =
      lease === null
        ? null
        : new LeaseElector(dependencies.kubeConfig, {
            ...lease,
            identity: this.settings.identity,
            onStartedLeading: () => this.serially(() => this.startWatching()),
            onStoppedLeading: () => this.serially(() => this.stopWatching(false)),
            onError: (error) => this.reportError(error, 'lease'),
            clock: dependencies.clock,
          });
  }

  /** True while this instance publishes. */
  get isPublishing(): boolean {
    return this.active !== undefined;
  }

  async start(): Promise<void> {
    await this.dependencies.bus.ensureTopics([
      { name: this.settings.topic, partitions: this.settings.topicPartitions },
    ]);
    if (this.elector) this.elector.start();
    else await this.serially(() => this.startWatching());
  }

  /** Stops watching, publishes what is queued, then hands the Lease back. */
  async stop(): Promise<void> {
    await this.serially(() => this.stopWatching(true));
    await this.elector?.stop();
  }

  private reportError(error: unknown, context: string): void {
    this.metrics?.errors.inc({ context });
    this.dependencies.onError?.(error, context);
  }

  private serially(step: () => Promise<void>): Promise<void> {
    this.transition = this.transition.then(step, step);
    return this.transition;
  }

  private async startWatching(): Promise<void> {
    if (this.active) return;
    const { clock = () => new Date() } = this.dependencies;
    const metrics = this.metrics;
    const queueOptions: PublishQueueOptions = {
      ...this.settings.batch,
      onError: (error) => this.reportError(error, 'publish'),
      onPublished: (batch) => metrics?.countPublished(batch),
    };
    const queue = new PublishQueue(this.dependencies.bus, queueOptions);
    const correlationId = randomUUID();
    const watchers = this.sources().map(([kind, source]) => {
      const sink = new ObservationSink(kind, queue, {
        clock,
        correlationId,
        topic: this.settings.topic,
        onRelistStarted: (reason) => metrics?.relists.inc({ kind, reason }),
      });
      return new ResourceWatcher(this.dependencies.kubeConfig, source, sink, {
        pageSize: this.settings.pageSize,
        onError: (error, resource) => this.reportError(error, `watch ${resource}`),
      }) as ResourceWatcher<never>;
    });
    this.active = { queue, watchers };
    metrics?.leader.set(1);
    watchers.forEach((watcher) => watcher.start());
  }

  /** On a lost Lease nothing more is published (the new leader relists); on a clean stop the queue drains first. */
  private async stopWatching(drain: boolean): Promise<void> {
    const active = this.active;
    if (!active) return;
    if (!drain) active.queue.close();
    await Promise.all(active.watchers.map((watcher) => watcher.stop()));
    if (drain) await active.queue.whenIdle();
    active.queue.close();
    this.active = undefined;
    this.metrics?.leader.set(0);
  }

  private sources(): [ClusterResourceKind, ResourceSource][] {
    const sources = clusterSources(this.dependencies.kubeConfig);
    return [
      ['Node', sources.nodes()],
      ['DaemonSet', sources.daemonSets()],
      ['ControllerRevision', sources.controllerRevisions()],
      ['PodDisruptionBudget', sources.podDisruptionBudgets()],
      // Only DaemonSet pods carry this label; the sink also checks the controlling owner reference.
      ['Pod', sources.pods({ labelSelector: POD_TEMPLATE_GENERATION_LABEL })],
    ];
  }
}

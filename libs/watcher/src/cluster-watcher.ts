import { randomUUID } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import { POD_TEMPLATE_GENERATION_LABEL, type ClusterResourceKind } from '#rollcall/domain';
import { clusterSources, ResourceWatcher, type ResourceSource } from '#rollcall/kube';
import type { EventBus } from '#rollcall/messaging';
import { LeaseElector } from './lease-elector.js';
import { ObservationSink } from './observation.sink.js';
import { PublishQueue, type PublishQueueOptions } from './publish-queue.js';
import { DEFAULT_WATCHER_SETTINGS, type WatcherSettings } from './watcher-settings.js';

export interface ClusterWatcherDependencies {
  readonly kubeConfig: KubeConfig;
  readonly bus: EventBus;
  readonly clock?: () => Date;
  readonly onError?: (error: unknown, context: string) => void;
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

  constructor(
    private readonly dependencies: ClusterWatcherDependencies,
    settings: Partial<WatcherSettings> = {},
  ) {
    this.settings = { ...DEFAULT_WATCHER_SETTINGS, ...settings };
    const lease = this.settings.lease;
    this.elector =
      lease === null
        ? null
        : new LeaseElector(dependencies.kubeConfig, {
            ...lease,
            identity: this.settings.identity,
            onStartedLeading: () => this.serially(() => this.startWatching()),
            onStoppedLeading: () => this.serially(() => this.stopWatching(false)),
            onError: (error) => dependencies.onError?.(error, 'lease'),
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

  private serially(step: () => Promise<void>): Promise<void> {
    this.transition = this.transition.then(step, step);
    return this.transition;
  }

  private async startWatching(): Promise<void> {
    if (this.active) return;
    const { clock = () => new Date(), onError } = this.dependencies;
    const queueOptions: PublishQueueOptions = {
      ...this.settings.batch,
      onError: (error) => onError?.(error, 'publish'),
    };
    const queue = new PublishQueue(this.dependencies.bus, queueOptions);
    const correlationId = randomUUID();
    const watchers = this.sources().map(([kind, source]) => {
      const sink = new ObservationSink(kind, queue, { clock, correlationId, topic: this.settings.topic });
      return new ResourceWatcher(this.dependencies.kubeConfig, source, sink, {
        pageSize: this.settings.pageSize,
        onError: (error, resource) => onError?.(error, `watch ${resource}`),
      }) as ResourceWatcher<never>;
    });
    this.active = { queue, watchers };
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

import { randomUUID } from 'node:crypto';
import {
  isDaemonSetPod,
  partitionKeyOf,
  RelistTally,
  resyncStarted,
  toObservation,
  type ClusterEvent,
  type ClusterResourceKind,
  type KubeObjectOf,
  type ResyncContext,
  type ResyncReason,
} from '#rollcall/domain';
import type { ResourceEvent, ResourceEventSink } from '#rollcall/kube';
import type { PublishQueue } from './publish-queue.js';

export interface ObservationSinkOptions {
  readonly clock: () => Date;
  /** Ties every message of one watcher run together. */
  readonly correlationId: string;
  readonly topic: string;
  /** Called as a relist of this kind starts (for metrics). */
  readonly onRelistStarted?: (reason: ResyncReason) => void;
}

/** Only pods a DaemonSet controls are observed; other kinds pass as they are. */
const isObserved = <K extends ClusterResourceKind>(kind: K, object: KubeObjectOf[K]): boolean =>
  kind !== 'Pod' || isDaemonSetPod(object as KubeObjectOf['Pod']);

/** Turns one kind's list and watch events into envelopes on the publish queue, with resync markers around relists. */
export class ObservationSink<K extends ClusterResourceKind> implements ResourceEventSink<KubeObjectOf[K]> {
  private relist: { context: ResyncContext; tally: RelistTally } | undefined;

  constructor(
    private readonly kind: K,
    private readonly queue: PublishQueue,
    private readonly options: ObservationSinkOptions,
  ) {}

  offer(event: ResourceEvent<KubeObjectOf[K]>): boolean {
    const observedAt = this.options.clock().toISOString();
    switch (event.type) {
      case 'RelistStarted':
        return this.startRelist(event.reason, observedAt);
      case 'RelistCompleted': {
        const relist = this.relist;
        this.relist = undefined;
        if (!relist) return true;
        const markers = relist.tally.closingMarkers({ ...relist.context, observedAt }, event.resourceVersion);
        return markers.map((marker) => this.publish(marker)).every(Boolean);
      }
      case 'Object': {
        if (!isObserved(this.kind, event.object)) return true;
        const observation = toObservation(
          this.kind,
          event.change,
          event.object,
          observedAt,
          this.options.correlationId,
        );
        if (event.change === 'RELISTED') this.relist?.tally.record(observation);
        return this.publish(observation);
      }
    }
  }

  whenReady(): Promise<void> {
    return this.queue.whenReady();
  }

  private startRelist(reason: ResyncReason, observedAt: string): boolean {
    this.options.onRelistStarted?.(reason);
    const context: ResyncContext = {
      kind: this.kind,
      relistId: randomUUID(),
      reason,
      observedAt,
      correlationId: this.options.correlationId,
    };
    this.relist = { context, tally: new RelistTally() };
    return this.publish(resyncStarted(context));
  }

  private publish(event: ClusterEvent): boolean {
    return this.queue.offer({ topic: this.options.topic, key: partitionKeyOf(event), envelope: event });
  }
}

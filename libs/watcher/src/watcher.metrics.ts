import type { BusMessage } from '#rollcall/messaging';
import { Counter, Gauge, type Registry } from 'prom-client';

/** What the watcher reports: whether it leads, what it published, what it has queued, relists and errors. */
export class WatcherMetrics {
  readonly leader: Gauge;
  readonly published: Counter<'type'>;
  readonly queued: Gauge;
  readonly relists: Counter<'kind' | 'reason'>;
  readonly errors: Counter<'context'>;

  /** `queuedMessages` is read at each scrape: the publish queue of the running watcher, if any. */
  constructor(registry: Registry, queuedMessages: () => number) {
    const registers = [registry];
    this.leader = new Gauge({
      name: 'rollcall_watcher_leader',
      help: '1 while this watcher holds the Lease and publishes, 0 while it stands by.',
      registers,
    });
    this.published = new Counter({
      name: 'rollcall_watcher_events_published_total',
      help: 'Observations and resync markers acknowledged by the event bus, by event type.',
      labelNames: ['type'],
      registers,
    });
    this.queued = new Gauge({
      name: 'rollcall_watcher_queued_events',
      help: 'Events waiting to be published; past the queue capacity the watcher stops reading.',
      registers,
      collect() {
        this.set(queuedMessages());
      },
    });
    this.relists = new Counter({
      name: 'rollcall_watcher_relists_total',
      help: 'Full lists of a kind, by reason: Start, Gone (410, history compacted) or Reconnect.',
      labelNames: ['kind', 'reason'],
      registers,
    });
    this.errors = new Counter({
      name: 'rollcall_watcher_errors_total',
      help: 'Failed lease, list, watch and publish attempts (each is retried), by where they failed.',
      labelNames: ['context'],
      registers,
    });
  }

  /** One increment per event type of the batch, not per event: batches hold up to 500. */
  countPublished(batch: readonly BusMessage[]): void {
    const perType = new Map<string, number>();
    for (const { envelope } of batch) perType.set(envelope.type, (perType.get(envelope.type) ?? 0) + 1);
    for (const [type, count] of perType) this.published.inc({ type }, count);
  }
}

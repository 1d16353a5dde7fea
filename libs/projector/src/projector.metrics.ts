import { Counter, Histogram, type Registry } from 'prom-client';

/** What the projector reports: events recorded, batch latency, and dead letters. */
export class ProjectorMetrics {
  readonly eventsApplied: Counter<'topic'>;
  readonly duplicatesSkipped: Counter<'topic'>;
  readonly batchDuration: Histogram<'topic'>;
  readonly deadLetters: Counter<'topic'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.eventsApplied = new Counter({
      name: 'rollcall_projector_events_applied_total',
      help: 'Events appended to the history and applied to the projections.',
      labelNames: ['topic'],
      registers,
    });
    this.duplicatesSkipped = new Counter({
      name: 'rollcall_projector_events_skipped_total',
      help: 'Delivered events skipped because their offset or event id was already applied.',
      labelNames: ['topic'],
      registers,
    });
    this.batchDuration = new Histogram({
      name: 'rollcall_projector_batch_duration_seconds',
      help: 'Time to apply one transaction of partition batches (a fetch is split into two, applied at once).',
      labelNames: ['topic'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.deadLetters = new Counter({
      name: 'rollcall_projector_dead_letters_total',
      help: 'Malformed messages sent to the dead-letter topic.',
      labelNames: ['topic'],
      registers,
    });
  }
}

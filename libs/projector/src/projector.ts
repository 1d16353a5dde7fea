import type { EventBus, Subscription } from '#rollcall/messaging';
import type { Pool } from 'pg';
import { BatchApplier } from './batch/batch.applier.js';
import { storedPositions } from './batch/consumer-positions.js';
import { DEAD_LETTER_TOPIC, DeadLetterHandler } from './dead-letter/dead-letter.handler.js';
import type { ProjectorMetrics } from './projector.metrics.js';
import { unprojectableReason } from './validation/projectable-envelope.js';

export interface ProjectorOptions {
  readonly pool: Pool;
  readonly bus: EventBus;
  readonly metrics: ProjectorMetrics;
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Partitions for topics that do not exist yet (the watcher usually creates them first). */
  readonly topicPartitions?: number;
  readonly clock?: () => Date;
}

/** Consumes the topics as one consumer-group member and keeps history and projections in PostgreSQL. */
export class Projector {
  private subscription: Subscription | undefined;

  constructor(private readonly options: ProjectorOptions) {}

  async start(): Promise<void> {
    const { pool, bus, metrics, groupId, topics, clock, topicPartitions = 12 } = this.options;
    await bus.ensureTopics([
      ...topics.map((name) => ({ name, partitions: topicPartitions })),
      { name: DEAD_LETTER_TOPIC, partitions: 1 },
    ]);
    const applier = new BatchApplier(pool, groupId, metrics, clock);
    const deadLetters = new DeadLetterHandler(pool, bus, groupId, metrics, clock);
    this.subscription = await bus.subscribe({
      groupId,
      topics,
      positionsOnAssign: (assigned) => storedPositions(pool, groupId, assigned),
      onBatch: (batch) => applier.apply(batch),
      onMalformed: (message, reason) => deadLetters.handle(message, reason),
      validate: unprojectableReason,
      // Every assigned partition at once: the applier groups the batches of one fetch into its transactions.
      concurrentPartitions: topics.length * topicPartitions,
    });
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }
}

import type { DeliveredBatch } from '#rollcall/messaging';
import { inTransaction } from '#rollcall/postgres';
import type { Pool } from 'pg';
import { ensureHistoryPartitions } from '../history/history.store.js';
import type { ProjectorMetrics } from '../projector.metrics.js';
import { lockPosition, storePosition } from './consumer-positions.js';
import { recordEvents } from './record-events.js';

/** The hash chain a partition's events extend: one per topic-partition, so projectors scale out. */
export const chainOf = (topic: string, partition: number): string => `${topic}/${partition}`;

const monthOf = (time: Date): string => time.toISOString().slice(0, 7);

/**
 * Applies one partition batch in one transaction: history rows, projections and the consumer
 * position commit together, so a crash anywhere leaves either all of the batch or none of it.
 */
export class BatchApplier {
  private readonly preparedMonths = new Set<string>();

  constructor(
    private readonly pool: Pool,
    private readonly groupId: string,
    private readonly metrics: ProjectorMetrics,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async apply(batch: DeliveredBatch): Promise<void> {
    const started = performance.now();
    const now = this.clock();
    await this.preparePartitions(now);
    const { topic, partition, messages } = batch;
    const applied = await inTransaction(this.pool, async (client) => {
      const nextOffset = await lockPosition(client, this.groupId, topic, partition);
      const unapplied = messages.filter((message) => BigInt(message.offset) >= nextOffset);
      const fresh = await recordEvents(
        client,
        chainOf(topic, partition),
        unapplied.map((message) => message.envelope),
        now.toISOString(),
      );
      const last = messages[messages.length - 1];
      await storePosition(client, this.groupId, topic, partition, BigInt(last.offset) + 1n);
      return fresh;
    });
    this.metrics.eventsApplied.inc({ topic }, applied);
    this.metrics.duplicatesSkipped.inc({ topic }, messages.length - applied);
    this.metrics.batchDuration.observe({ topic }, (performance.now() - started) / 1000);
  }

  /** This month's and the next two months' partitions, checked once per month per process. */
  private async preparePartitions(now: Date): Promise<void> {
    if (this.preparedMonths.has(monthOf(now))) return;
    await ensureHistoryPartitions(this.pool, now, 3);
    this.preparedMonths.add(monthOf(now));
  }
}

import type { DeliveredBatch } from '#rollcall/messaging';
import { inTransaction } from '#rollcall/postgres';
import type { Pool } from 'pg';
import { ensureHistoryPartitions } from '../history/history.store.js';
import type { ProjectorMetrics } from '../projector.metrics.js';
import { lockPositions, positionKeyOf, storePositions } from './consumer-positions.js';
import { BatchGroups } from './batch-groups.js';
import { recordChains } from './record-events.js';
import { splitForTransactions } from './transaction-split.js';

/** The hash chain a partition's events extend: one per topic-partition, so projectors scale out. */
export const chainOf = (topic: string, partition: number): string => `${topic}/${partition}`;

const monthOf = (time: Date): string => time.toISOString().slice(0, 7);

/**
 * The batches of one fetch go in two transactions at once, each on its own partitions, as two projector
 * replicas of one consumer group would apply them: while PostgreSQL runs one, this process prepares the
 * other, and the last fetch of a burst is through in about half the time (README, Figures). Three or
 * four transactions did no better than two on the bench's two cores.
 */
const TRANSACTIONS_PER_FETCH = 2;

/**
 * Applies partition batches in a transaction together with their consumer positions, so a crash
 * anywhere leaves either all of a batch or none of it. Batches delivered together (one fetch of
 * several partitions) are split into `TRANSACTIONS_PER_FETCH` groups by partition, and each group
 * shares one transaction and its statements: a group commit.
 */
export class BatchApplier {
  private readonly preparedMonths = new Set<string>();
  private readonly groups = new BatchGroups<DeliveredBatch>((batches) => this.applyFetch(batches));

  constructor(
    private readonly pool: Pool,
    private readonly groupId: string,
    private readonly metrics: ProjectorMetrics,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  apply(batch: DeliveredBatch): Promise<void> {
    return this.groups.submit(batch);
  }

  /** All transactions of a fetch run to their end before it fails with the first error. */
  private async applyFetch(batches: readonly DeliveredBatch[]): Promise<void> {
    const now = this.clock();
    await this.preparePartitions(now);
    const outcomes = await Promise.allSettled(
      splitForTransactions(batches, TRANSACTIONS_PER_FETCH).map((group) => this.applyTogether(group, now)),
    );
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
  }

  private async applyTogether(batches: readonly DeliveredBatch[], now: Date): Promise<void> {
    const started = performance.now();
    const fresh = await inTransaction(this.pool, async (client) => {
      const nextOffsets = await lockPositions(client, this.groupId, batches);
      const unapplied = batches.map((batch) =>
        batch.messages.filter((message) => BigInt(message.offset) >= (nextOffsets.get(positionKeyOf(batch)) ?? 0n)),
      );
      // Chains with nothing new (a redelivery, or a batch of malformed records only) stay untouched.
      const extended = batches.flatMap((batch, index) =>
        unapplied[index].length === 0
          ? []
          : [
              {
                chain: chainOf(batch.topic, batch.partition),
                events: unapplied[index].map((message) => message.envelope),
              },
            ],
      );
      const recorded = extended.length === 0 ? [] : await recordChains(client, extended, now.toISOString());
      await storePositions(
        client,
        this.groupId,
        batches.map(({ topic, partition, nextOffset }) => ({ topic, partition, nextOffset: BigInt(nextOffset) })),
      );
      let next = 0;
      return unapplied.map((messages) => (messages.length === 0 ? 0 : recorded[next++]));
    });
    const seconds = (performance.now() - started) / 1000;
    const topics = new Set(batches.map((batch) => batch.topic));
    batches.forEach(({ topic, messages }, index) => {
      this.metrics.eventsApplied.inc({ topic }, fresh[index]);
      this.metrics.duplicatesSkipped.inc({ topic }, messages.length - fresh[index]);
    });
    this.metrics.batchDuration.observe({ topic: topics.size === 1 ? batches[0].topic : 'several' }, seconds);
  }

  /** This month's and the next two months' partitions, checked once per month per process. */
  private async preparePartitions(now: Date): Promise<void> {
    if (this.preparedMonths.has(monthOf(now))) return;
    await ensureHistoryPartitions(this.pool, now, 3);
    this.preparedMonths.add(monthOf(now));
  }
}

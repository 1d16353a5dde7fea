import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { BusLogger } from '../bus-logger.js';
import type { ConsumerOptions, Subscription } from '../event-bus.port.js';
import { redeliveryDelayMs, sleep } from '../redelivery-backoff.js';
import { deliverDecodedBatch } from '../batch-delivery.js';
import { decodeKafkaBatch } from './kafka-batch.js';

/** Group-membership timing; the defaults suit production, tests shorten them for fast joins. */
export interface KafkaConsumerTiming {
  readonly sessionTimeoutMs: number;
  readonly rebalanceTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  /** Longest a fetch waits for data; also bounds how late a member notices a rebalance. */
  readonly maxWaitTimeMs: number;
}

export const defaultConsumerTiming: KafkaConsumerTiming = {
  sessionTimeoutMs: 30_000,
  rebalanceTimeoutMs: 60_000,
  heartbeatIntervalMs: 3_000,
  maxWaitTimeMs: 1_000,
};

type TopicPartitions = { topic: string; partitions: number[] }[];

/** kafkajs never hands two batches of one partition out at once, so per-partition order holds. */
const DEFAULT_CONCURRENT_PARTITIONS = 4;

/** One consumer-group member: hands partition batches to `onBatch` (a few partitions at once), commits each after it. */
export class KafkaSubscription implements Subscription {
  private readonly consumer: Consumer;
  private assignmentGeneration = 0;
  private stopped = false;

  constructor(
    kafka: Kafka,
    private readonly options: ConsumerOptions,
    timing: KafkaConsumerTiming,
    private readonly logger: BusLogger,
  ) {
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: timing.sessionTimeoutMs,
      rebalanceTimeout: timing.rebalanceTimeoutMs,
      heartbeatInterval: timing.heartbeatIntervalMs,
      maxWaitTimeInMs: timing.maxWaitTimeMs,
      allowAutoTopicCreation: false,
    });
  }

  /** The subscriber stores its positions with its effects and seeks to them on assignment. */
  private get keepsOwnPositions(): boolean {
    return this.options.positionsOnAssign !== undefined;
  }

  async start(): Promise<void> {
    // Fetching starts right after GROUP_JOIN, so partitions to be positioned are paused synchronously here.
    this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) => this.onAssigned(payload.memberAssignment));
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.options.topics], fromBeginning: true });
    await this.consumer.run({
      // A consumer that keeps its own positions only reports them to Kafka (for lag tooling), every few
      // seconds and off the batch path; otherwise each batch's offset is committed before the next one.
      autoCommit: this.keepsOwnPositions,
      autoCommitInterval: 5_000,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.concurrentPartitions ?? DEFAULT_CONCURRENT_PARTITIONS,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.consumer.disconnect();
  }

  private onAssigned(memberAssignment: Record<string, number[]>): void {
    const positionsOnAssign = this.options.positionsOnAssign;
    const generation = ++this.assignmentGeneration;
    const byTopic: TopicPartitions = Object.entries(memberAssignment).map(([topic, partitions]) => ({
      topic,
      partitions,
    }));
    const assigned = byTopic.flatMap(({ topic, partitions }) => partitions.map((partition) => ({ topic, partition })));
    if (!positionsOnAssign || assigned.length === 0) return;
    this.consumer.pause(byTopic);
    void this.seekAssigned(positionsOnAssign, assigned, byTopic, generation);
  }

  private async seekAssigned(
    positionsOnAssign: NonNullable<ConsumerOptions['positionsOnAssign']>,
    assigned: { topic: string; partition: number }[],
    byTopic: TopicPartitions,
    generation: number,
  ): Promise<void> {
    const isCurrent = () => generation === this.assignmentGeneration && !this.stopped;
    for (let attempt = 1; isCurrent(); attempt++) {
      try {
        const positions = await positionsOnAssign(assigned);
        if (!isCurrent()) return;
        for (const { topic, partition, offset } of positions) {
          if (assigned.some((tp) => tp.topic === topic && tp.partition === partition)) {
            this.consumer.seek({ topic, partition, offset });
          }
        }
        this.consumer.resume(byTopic);
        return;
      } catch (error) {
        this.logger.warn('positionsOnAssign failed; the assigned partitions stay paused until it succeeds', {
          groupId: this.options.groupId,
          attempt,
          error: (error as Error).message,
        });
        await sleep(redeliveryDelayMs(attempt));
      }
    }
  }

  private async handleBatch({
    batch,
    resolveOffset,
    heartbeat,
    commitOffsetsIfNecessary,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    if (batch.messages.length === 0) return;
    const decoded = decodeKafkaBatch(batch, this.options.validate);
    for (let attempt = 1; ; attempt++) {
      try {
        await deliverDecodedBatch(this.options, decoded, this.logger);
        break;
      } catch (error) {
        this.logger.warn('onBatch failed; the batch will be delivered again', {
          groupId: this.options.groupId,
          topic: batch.topic,
          partition: batch.partition,
          firstOffset: batch.firstOffset(),
          attempt,
          error: (error as Error).message,
        });
        // Leaving without resolving: after a stop, seek or rebalance the batch is fetched again.
        if (!isRunning() || isStale()) return;
        await sleep(redeliveryDelayMs(attempt));
        await heartbeat();
        if (!isRunning() || isStale()) return;
      }
    }
    const lastMessage = batch.messages[batch.messages.length - 1];
    resolveOffset(lastMessage.offset);
    if (this.keepsOwnPositions) await commitOffsetsIfNecessary();
    else {
      const next = (BigInt(batch.lastOffset()) + 1n).toString();
      await commitOffsetsIfNecessary({
        topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: next }] }],
      });
    }
    await heartbeat();
  }
}

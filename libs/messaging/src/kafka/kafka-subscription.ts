import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { BusLogger } from '../bus-logger.js';
import type { ConsumerOptions, Subscription } from '../event-bus.port.js';
import { redeliveryDelayMs, sleep } from '../redelivery-backoff.js';
import { deliverDecodedBatch } from '../batch-delivery.js';
import { ConsumerWatchdog, type WatchdogTiming } from './consumer-watchdog.js';
import { decodeKafkaBatch } from './kafka-batch.js';
import { PartitionProgress, type TopicPartition } from './partition-progress.js';

/** Group-membership and watchdog timing; the defaults suit production, tests shorten them for fast joins. */
export interface KafkaConsumerTiming extends WatchdogTiming {
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
  checkIntervalMs: 10_000,
  // Longer than a broker restart and a rejoin take, so a recovering consumer is left alone.
  stallTimeoutMs: 90_000,
};

/** Why a subscription replaced its kafkajs consumer. */
export type ConsumerRestartReason = 'stalled' | 'crashed';

type TopicPartitions = { topic: string; partitions: number[] }[];

/** kafkajs never hands two batches of one partition out at once, so per-partition order holds. */
const DEFAULT_CONCURRENT_PARTITIONS = 4;

/**
 * One consumer-group member: hands partition batches to `onBatch` (a few partitions at once), commits
 * each after it. A kafkajs consumer that gave up after a crash, or stopped fetching a partition that
 * has messages waiting, is replaced by a new one; the group then hands its partitions out again.
 */
export class KafkaSubscription implements Subscription {
  private consumer: Consumer;
  private readonly progress = new PartitionProgress();
  private readonly watchdog: ConsumerWatchdog;
  private assignmentGeneration = 0;
  private restarting: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: ConsumerOptions,
    private readonly timing: KafkaConsumerTiming,
    private readonly logger: BusLogger,
    private readonly onRestart: (reason: ConsumerRestartReason) => void = () => undefined,
  ) {
    this.consumer = this.createConsumer();
    this.watchdog = new ConsumerWatchdog(
      kafka,
      options.groupId,
      options.topics,
      this.progress,
      timing,
      (stalled) => this.restart('stalled', { stalled }),
      logger,
    );
  }

  /** The subscriber stores its positions with its effects and seeks to them on assignment. */
  private get keepsOwnPositions(): boolean {
    return this.options.positionsOnAssign !== undefined;
  }

  async start(): Promise<void> {
    await this.run(this.consumer);
    this.watchdog.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.watchdog.stop();
    await this.restarting;
    await this.consumer.disconnect();
  }

  private createConsumer(): Consumer {
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout: this.timing.sessionTimeoutMs,
      rebalanceTimeout: this.timing.rebalanceTimeoutMs,
      heartbeatInterval: this.timing.heartbeatIntervalMs,
      maxWaitTimeInMs: this.timing.maxWaitTimeMs,
      allowAutoTopicCreation: false,
    });
    // Fetching starts right after GROUP_JOIN, so partitions to be positioned are paused synchronously here.
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      if (consumer === this.consumer) this.onAssigned(consumer, payload.memberAssignment);
    });
    // kafkajs restarts itself after retriable errors only; after any other crash its consumer stays down.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (consumer === this.consumer && !payload.restart) {
        this.restart('crashed', { error: payload.error.message });
      }
    });
    return consumer;
  }

  private async run(consumer: Consumer): Promise<void> {
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.options.topics], fromBeginning: true });
    await consumer.run({
      // A consumer that keeps its own positions only reports them to Kafka (for lag tooling), every few
      // seconds and off the batch path; otherwise each batch's offset is committed before the next one.
      autoCommit: this.keepsOwnPositions,
      autoCommitInterval: 5_000,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.concurrentPartitions ?? DEFAULT_CONCURRENT_PARTITIONS,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  /** Replaces the consumer (once at a time); batches in flight finish first, as on any disconnect. */
  private restart(reason: ConsumerRestartReason, detail: Record<string, unknown>): void {
    if (this.stopped || this.restarting) return;
    this.logger.error('replacing the Kafka consumer', { groupId: this.options.groupId, reason, ...detail });
    this.onRestart(reason);
    this.restarting = this.replaceConsumer().finally(() => (this.restarting = undefined));
  }

  private async replaceConsumer(): Promise<void> {
    const previous = this.consumer;
    this.assignmentGeneration++;
    this.progress.clear();
    await previous.disconnect().catch(() => undefined);
    for (let attempt = 1; !this.stopped; attempt++) {
      const consumer = this.createConsumer();
      this.consumer = consumer;
      try {
        await this.run(consumer);
        return;
      } catch (error) {
        this.logger.warn('the replacement Kafka consumer could not start; trying again', {
          groupId: this.options.groupId,
          attempt,
          error: (error as Error).message,
        });
        await consumer.disconnect().catch(() => undefined);
        await sleep(redeliveryDelayMs(attempt));
      }
    }
  }

  private onAssigned(consumer: Consumer, memberAssignment: Record<string, number[]>): void {
    const positionsOnAssign = this.options.positionsOnAssign;
    const generation = ++this.assignmentGeneration;
    const byTopic: TopicPartitions = Object.entries(memberAssignment).map(([topic, partitions]) => ({
      topic,
      partitions,
    }));
    const assigned = byTopic.flatMap(({ topic, partitions }) => partitions.map((partition) => ({ topic, partition })));
    this.progress.assign(assigned);
    if (!positionsOnAssign || assigned.length === 0) return;
    for (const tp of assigned) this.progress.hold(tp);
    consumer.pause(byTopic);
    void this.seekAssigned(consumer, positionsOnAssign, assigned, byTopic, generation);
  }

  private async seekAssigned(
    consumer: Consumer,
    positionsOnAssign: NonNullable<ConsumerOptions['positionsOnAssign']>,
    assigned: TopicPartition[],
    byTopic: TopicPartitions,
    generation: number,
  ): Promise<void> {
    const isCurrent = () => generation === this.assignmentGeneration && !this.stopped;
    for (let attempt = 1; isCurrent(); attempt++) {
      try {
        const positions = await positionsOnAssign(assigned);
        if (!isCurrent()) return;
        const sought = new Map<TopicPartition, bigint>();
        for (const { topic, partition, offset } of positions) {
          const tp = assigned.find((candidate) => candidate.topic === topic && candidate.partition === partition);
          if (!tp) continue;
          consumer.seek({ topic, partition, offset });
          sought.set(tp, BigInt(offset));
        }
        for (const tp of assigned) this.progress.release(tp, sought.get(tp));
        consumer.resume(byTopic);
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

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    if (batch.messages.length === 0) return;
    const tp = { topic: batch.topic, partition: batch.partition };
    this.progress.hold(tp);
    let nextOffset: bigint | undefined;
    try {
      nextOffset = await this.deliverAndCommit(payload);
    } finally {
      this.progress.release(tp, nextOffset);
    }
  }

  /**
   * The offset after the batch once it is delivered and resolved; undefined when a stop, seek or
   * rebalance cut it short.
   */
  private async deliverAndCommit({
    batch,
    resolveOffset,
    heartbeat,
    commitOffsetsIfNecessary,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<bigint | undefined> {
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
        if (!isRunning() || isStale()) return undefined;
        await sleep(redeliveryDelayMs(attempt));
        await heartbeat();
        if (!isRunning() || isStale()) return undefined;
      }
    }
    const lastMessage = batch.messages[batch.messages.length - 1];
    resolveOffset(lastMessage.offset);
    const next = BigInt(batch.lastOffset()) + 1n;
    if (this.keepsOwnPositions) await commitOffsetsIfNecessary();
    else {
      await commitOffsetsIfNecessary({
        topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: next.toString() }] }],
      });
    }
    await heartbeat();
    return next;
  }
}

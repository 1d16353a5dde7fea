import { decodeBatch, deliverDecodedBatch } from '../batch-delivery.js';
import type { BusLogger } from '../bus-logger.js';
import type { ConsumerOptions } from '../event-bus.port.js';
import { redeliveryDelayMs } from '../redelivery-backoff.js';
import type { InProcessLog } from './in-process-log.js';
import { Wakeup } from './wakeup.js';

const maxBatchRecords = 500;

export interface PartitionWorkerSettings {
  readonly topic: string;
  readonly partition: number;
  readonly startOffset: number;
  readonly consumer: ConsumerOptions;
  /** Records the group's position once `onBatch` resolved for everything before `nextOffset`. */
  readonly commit: (nextOffset: number) => void;
}

/** Delivers one partition to one group member, a batch at a time, redelivering a failed batch. */
export class PartitionWorker {
  private stopping = false;
  private readonly wakeup = new Wakeup();
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly log: InProcessLog,
    private readonly settings: PartitionWorkerSettings,
    private readonly logger: BusLogger,
  ) {}

  start(): void {
    this.running = this.run();
  }

  /** Resolves once the batch in flight, if any, has settled: the partition is then free for reassignment. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeup.fire();
    await this.running;
  }

  private async run(): Promise<void> {
    const { topic, partition, consumer, commit } = this.settings;
    const stopListening = this.log.onAppend(topic, partition, () => this.wakeup.fire());
    let position = this.settings.startOffset;
    let failedAttempts = 0;
    try {
      while (!this.stopping) {
        const records = this.log.read(topic, partition, position, maxBatchRecords);
        if (records.length === 0) {
          await this.wakeup.wait();
          continue;
        }
        const raw = records.map((record, index) => ({
          ...record,
          offset: String(position + index),
          value: Buffer.from(record.value),
          headers: {},
        }));
        try {
          await deliverDecodedBatch(consumer, decodeBatch(topic, partition, raw, consumer.validate), this.logger);
          position += records.length;
          failedAttempts = 0;
          commit(position);
        } catch (error) {
          failedAttempts += 1;
          this.logger.warn('onBatch failed; the batch will be delivered again', {
            groupId: consumer.groupId,
            topic,
            partition,
            firstOffset: String(position),
            attempt: failedAttempts,
            error: (error as Error).message,
          });
          await this.wakeup.wait(redeliveryDelayMs(failedAttempts));
        }
      }
    } finally {
      stopListening();
    }
  }
}

import type { Admin, Kafka } from 'kafkajs';
import type { BusLogger } from '../bus-logger.js';
import {
  topicPartitionKey,
  type PartitionOffsets,
  type PartitionProgress,
  type TopicPartition,
} from './partition-progress.js';

export interface WatchdogTiming {
  /** How often the watchdog asks Kafka for the log ends and the group's committed offsets. */
  readonly checkIntervalMs: number;
  /** How long a partition may stay behind at one position, with nothing of ours holding it. */
  readonly stallTimeoutMs: number;
}

/** Each assigned partition's log end, log start and the group's committed offset. */
async function fetchPartitionOffsets(
  admin: Admin,
  groupId: string,
  topics: readonly string[],
): Promise<PartitionOffsets[]> {
  const [committed, ...logOffsets] = await Promise.all([
    admin.fetchOffsets({ groupId, topics: [...topics] }),
    ...topics.map((topic) => admin.fetchTopicOffsets(topic)),
  ]);
  const committedOf = new Map(
    committed.flatMap(({ topic, partitions }) =>
      partitions.map(({ partition, offset }) => [topicPartitionKey({ topic, partition }), BigInt(offset)] as const),
    ),
  );
  return topics.flatMap((topic, index) =>
    logOffsets[index].map(({ partition, low, high }) => ({
      topic,
      partition,
      committed: committedOf.get(topicPartitionKey({ topic, partition })) ?? -1n,
      logStart: BigInt(low),
      logEnd: BigInt(high),
    })),
  );
}

/**
 * Asks Kafka every few seconds how far each assigned partition could go and reports the ones that do
 * not move. Checks that fail (Kafka unreachable) start every partition's timeout over, so an outage
 * is not mistaken for a stall once the broker is back.
 */
export class ConsumerWatchdog {
  private timer: NodeJS.Timeout | undefined;
  private admin: Admin | undefined;
  private checking = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly groupId: string,
    private readonly topics: readonly string[],
    private readonly progress: PartitionProgress,
    private readonly timing: WatchdogTiming,
    private readonly onStalled: (stalled: TopicPartition[]) => void,
    private readonly logger: BusLogger,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.check(), this.timing.checkIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }

  private async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      if (!this.admin) {
        const admin = this.kafka.admin();
        await admin.connect();
        this.admin = admin;
      }
      const offsets = await fetchPartitionOffsets(this.admin, this.groupId, this.topics);
      if (!this.timer) return;
      const stalled = this.progress.stalled(offsets, Date.now(), this.timing.stallTimeoutMs);
      if (stalled.length > 0) this.onStalled(stalled);
    } catch (error) {
      this.progress.forgetObservations();
      this.logger.warn('consumer watchdog could not read offsets; its stall timeouts start over', {
        groupId: this.groupId,
        error: (error as Error).message,
      });
    } finally {
      this.checking = false;
    }
  }
}

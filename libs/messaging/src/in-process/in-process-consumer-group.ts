import type { BusLogger } from '../bus-logger.js';
import type { ConsumerOptions } from '../event-bus.port.js';
import { redeliveryDelayMs, sleep } from '../redelivery-backoff.js';
import type { InProcessLog } from './in-process-log.js';
import { PartitionWorker } from './partition-worker.js';

export interface GroupMember {
  readonly options: ConsumerOptions;
  left: boolean;
}

type TopicPartition = { topic: string; partition: number };

const positionKey = ({ topic, partition }: TopicPartition) => `${topic}:${partition}`;

/** Spreads each topic's partitions round-robin over the members subscribed to it, in joining order. */
export function assignPartitions(
  members: readonly GroupMember[],
  log: InProcessLog,
): Map<GroupMember, TopicPartition[]> {
  const assignment = new Map<GroupMember, TopicPartition[]>(members.map((member) => [member, []]));
  const topics = [...new Set(members.flatMap((member) => member.options.topics))].sort();
  for (const topic of topics) {
    const subscribers = members.filter((member) => member.options.topics.includes(topic));
    const partitions = log.partitionCount(topic) ?? 0;
    for (let partition = 0; partition < partitions; partition++) {
      assignment.get(subscribers[partition % subscribers.length])?.push({ topic, partition });
    }
  }
  return assignment;
}

/**
 * A consumer group: committed positions and the members sharing its partitions. Like Kafka's eager
 * rebalance, a membership change stops every worker before partitions are assigned and positioned again.
 */
export class InProcessConsumerGroup {
  private readonly committed = new Map<string, number>();
  private readonly members: GroupMember[] = [];
  private workers: PartitionWorker[] = [];
  private rebalancing: Promise<void> = Promise.resolve();

  constructor(
    private readonly log: InProcessLog,
    private readonly logger: BusLogger,
  ) {}

  join(member: GroupMember): Promise<void> {
    this.members.push(member);
    return this.rebalance();
  }

  leave(member: GroupMember): Promise<void> {
    member.left = true;
    this.members.splice(this.members.indexOf(member), 1);
    return this.rebalance();
  }

  private rebalance(): Promise<void> {
    this.rebalancing = this.rebalancing.then(() => this.reassign());
    return this.rebalancing;
  }

  private async reassign(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.stop()));
    this.workers = [];
    for (const [member, assigned] of assignPartitions(this.members, this.log)) {
      const sought = await this.positionsOnAssign(member, assigned);
      for (const topicPartition of assigned) {
        const key = positionKey(topicPartition);
        const worker = new PartitionWorker(
          this.log,
          {
            ...topicPartition,
            startOffset: sought.get(key) ?? this.committed.get(key) ?? 0,
            consumer: member.options,
            commit: (nextOffset) => this.committed.set(key, nextOffset),
          },
          this.logger,
        );
        worker.start();
        this.workers.push(worker);
      }
    }
  }

  /** Asks the member where to start, retrying until it answers: starting elsewhere could skip or repeat effects. */
  private async positionsOnAssign(member: GroupMember, assigned: TopicPartition[]): Promise<Map<string, number>> {
    const positionsOnAssign = member.options.positionsOnAssign;
    if (!positionsOnAssign || assigned.length === 0) return new Map();
    for (let attempt = 1; !member.left; attempt++) {
      try {
        const positions = await positionsOnAssign(assigned);
        return new Map(positions.map((position) => [positionKey(position), Number(position.offset)]));
      } catch (error) {
        this.logger.warn('positionsOnAssign failed; retrying before consuming', {
          groupId: member.options.groupId,
          attempt,
          error: (error as Error).message,
        });
        await sleep(redeliveryDelayMs(attempt));
      }
    }
    return new Map();
  }
}

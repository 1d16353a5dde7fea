export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** One partition's committed offset and its log end, as Kafka reports them (`-1`: nothing committed). */
export interface PartitionOffsets extends TopicPartition {
  readonly committed: bigint;
  readonly logStart: bigint;
  readonly logEnd: bigint;
}

interface Progress {
  /** The next offset the handler will see; unknown until a seek or a handled batch tells. */
  position: bigint | undefined;
  /** The subscription's own code holds the partition (seeking, or a handler running or retrying). */
  held: boolean;
  /** While behind the log end without moving: since when, and at which position. */
  behind: { since: number; position: bigint } | undefined;
}

/** One map key per topic-partition. */
export const topicPartitionKey = ({ topic, partition }: TopicPartition) => `${topic}\u0000${partition}`;

/**
 * What a consumer has made of each assigned partition, to tell a stalled consumer from an idle or a
 * busy one. A partition stalls when it stays behind its log end at one position for the whole timeout
 * while nothing of ours holds it: kafkajs then has stopped fetching it (tulios/kafkajs#659).
 */
export class PartitionProgress {
  private readonly partitions = new Map<string, Progress & TopicPartition>();

  /** A new assignment replaces the old one; positions start unknown (another member may have moved them). */
  assign(assigned: readonly TopicPartition[]): void {
    this.partitions.clear();
    for (const { topic, partition } of assigned) {
      this.partitions.set(topicPartitionKey({ topic, partition }), {
        topic,
        partition,
        position: undefined,
        held: false,
        behind: undefined,
      });
    }
  }

  clear(): void {
    this.partitions.clear();
  }

  hold(tp: TopicPartition): void {
    const progress = this.partitions.get(topicPartitionKey(tp));
    if (progress) progress.held = true;
  }

  /** Releases a partition; `nextOffset` is where it stands now when the release moved it. */
  release(tp: TopicPartition, nextOffset?: bigint): void {
    const progress = this.partitions.get(topicPartitionKey(tp));
    if (!progress) return;
    progress.held = false;
    if (nextOffset !== undefined) progress.position = nextOffset;
  }

  /** Forgets every "behind since": after a check could not be made, the timeout starts over. */
  forgetObservations(): void {
    for (const progress of this.partitions.values()) progress.behind = undefined;
  }

  /**
   * Compares each partition with its offsets at `now` and returns those stalled for `timeoutMs`.
   * A partition missing from `offsets` is not judged this time.
   */
  stalled(offsets: readonly PartitionOffsets[], now: number, timeoutMs: number): TopicPartition[] {
    const byKey = new Map(offsets.map((entry) => [topicPartitionKey(entry), entry]));
    const stalled: TopicPartition[] = [];
    for (const progress of this.partitions.values()) {
      const entry = byKey.get(topicPartitionKey(progress));
      if (!entry || progress.held) {
        progress.behind = undefined;
        continue;
      }
      const position = progress.position ?? (entry.committed >= 0n ? entry.committed : entry.logStart);
      if (position >= entry.logEnd) progress.behind = undefined;
      else if (progress.behind?.position !== position) progress.behind = { since: now, position };
      else if (now - progress.behind.since >= timeoutMs) {
        stalled.push({ topic: progress.topic, partition: progress.partition });
      }
    }
    return stalled;
  }
}

/** A record as the in-process bus keeps it: encoded, so every consumer decodes its own copy. */
export interface StoredRecord {
  readonly key: string | null;
  readonly value: string;
}

/**
 * Topics as arrays of partition logs. Nothing is ever trimmed: memory grows with every message,
 * which is fine for the all-in-one demo mode this bus exists for, and is why production uses Kafka.
 */
export class InProcessLog {
  private readonly topics = new Map<string, StoredRecord[][]>();
  private readonly listeners = new Map<string, Set<() => void>>();

  /** Returns false when the topic existed already (its partition count is then left unchanged). */
  createTopic(topic: string, partitions: number): boolean {
    if (this.topics.has(topic)) return false;
    this.topics.set(
      topic,
      Array.from({ length: partitions }, () => []),
    );
    return true;
  }

  partitionCount(topic: string): number | undefined {
    return this.topics.get(topic)?.length;
  }

  append(topic: string, partition: number, record: StoredRecord): void {
    this.partitionLog(topic, partition).push(record);
    for (const listener of this.listeners.get(`${topic}:${partition}`) ?? []) listener();
  }

  read(topic: string, partition: number, fromOffset: number, maxRecords: number): readonly StoredRecord[] {
    return this.partitionLog(topic, partition).slice(fromOffset, fromOffset + maxRecords);
  }

  /** Calls `listener` after each append to the partition; returns the function that stops it. */
  onAppend(topic: string, partition: number, listener: () => void): () => void {
    const key = `${topic}:${partition}`;
    const listeners = this.listeners.get(key) ?? new Set<() => void>();
    this.listeners.set(key, listeners);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  private partitionLog(topic: string, partition: number): StoredRecord[] {
    const log = this.topics.get(topic)?.[partition];
    if (!log)
      throw new Error(`Unknown topic partition ${topic}/${partition}: create the topic with ensureTopics first`);
    return log;
  }
}

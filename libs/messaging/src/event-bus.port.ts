import type { Envelope } from '#rollcall/domain';

/** A message as it travels: the partition key decides ordering (same key, same order). */
export interface BusMessage<E extends Envelope = Envelope> {
  readonly topic: string;
  readonly key: string;
  readonly envelope: E;
}

/** A delivered message with the position a consumer commits once its effect is durable. */
export interface DeliveredMessage<E extends Envelope = Envelope> extends BusMessage<E> {
  readonly partition: number;
  /** Offset as a decimal string, as Kafka reports it. */
  readonly offset: string;
}

export interface DeliveredBatch<E extends Envelope = Envelope> {
  readonly topic: string;
  readonly partition: number;
  readonly messages: readonly DeliveredMessage<E>[];
  /**
   * The offset after the batch's last record, malformed ones included: where a consumer that keeps
   * its own positions resumes, so it never reads (and reports) a malformed record twice.
   */
  readonly nextOffset: string;
}

/** Where a consumer group stands on one partition; the next message it reads is `offset`. */
export interface PartitionPosition {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/** A record that reached a consumer but carries no valid envelope (not JSON, fields missing, or refused by `validate`). */
export interface MalformedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
}

export interface ConsumerOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  /**
   * Called when partitions are assigned; returns the positions to seek to (for instance the
   * offsets a projection stored with its rows). Partitions it leaves out start from the
   * group's committed offset, or from the beginning.
   */
  readonly positionsOnAssign?: (
    assigned: readonly { topic: string; partition: number }[],
  ) => Promise<readonly PartitionPosition[]>;
  /**
   * Handles one batch from one partition. The batch counts as consumed when this resolves. A consumer
   * with `positionsOnAssign` also gets batches whose records were all malformed, with no messages, so
   * it can store the position past them.
   */
  readonly onBatch: (batch: DeliveredBatch) => Promise<void>;
  /**
   * Called for each malformed record before `onBatch` sees the rest of its batch; the record is then
   * skipped and committed with the batch, so it never stops the consumer. Without it, the bus logs it.
   */
  readonly onMalformed?: (message: MalformedMessage, reason: string) => Promise<void>;
  /**
   * Judges each decoded envelope before delivery: a reason (not null) makes the record malformed,
   * so a payload the consumer cannot apply is reported like undecodable bytes instead of blocking its partition.
   */
  readonly validate?: (envelope: Envelope) => string | null;
  /**
   * How many partitions' batches the Kafka adapter lets into `onBatch` at once (default 4; the in-process
   * bus runs each partition on its own). A consumer that applies the batches of one fetch together (a
   * group commit) asks for all of its partitions.
   */
  readonly concurrentPartitions?: number;
}

export interface Subscription {
  stop(): Promise<void>;
}

/**
 * The event bus port. Guarantees, for the Kafka and the in-process adapters alike: per-key order,
 * at-least-once delivery, and consumer groups that keep their own positions.
 */
export interface EventBus {
  /** Resolves once every message is durably accepted by the bus. */
  publish(messages: readonly BusMessage[]): Promise<void>;
  subscribe(options: ConsumerOptions): Promise<Subscription>;
  /** Creates the topics when missing (idempotent). */
  ensureTopics(topics: readonly { name: string; partitions: number }[]): Promise<void>;
  /** True when the bus can be reached now (for readiness). */
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
}

export const EVENT_BUS = Symbol('EventBus');

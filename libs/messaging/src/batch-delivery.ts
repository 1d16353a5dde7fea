import type { BusLogger } from './bus-logger.js';
import { decodeEnvelope } from './envelope.codec.js';
import type { ConsumerOptions, DeliveredBatch, DeliveredMessage, MalformedMessage } from './event-bus.port.js';

/** A record as either adapter reads it, before its envelope is decoded. */
export interface RawRecord {
  readonly offset: string;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
}

export interface DecodedBatch {
  readonly delivered: DeliveredBatch;
  readonly malformed: readonly { readonly message: MalformedMessage; readonly reason: string }[];
}

export function decodeBatch(topic: string, partition: number, records: readonly RawRecord[]): DecodedBatch {
  const messages: DeliveredMessage[] = [];
  const malformed: { message: MalformedMessage; reason: string }[] = [];
  for (const record of records) {
    const decoded = decodeEnvelope(record.value);
    if (decoded.ok && record.key !== null) {
      messages.push({ topic, partition, offset: record.offset, key: record.key, envelope: decoded.envelope });
    } else {
      malformed.push({ message: { topic, partition, ...record }, reason: decoded.ok ? 'no key' : decoded.reason });
    }
  }
  return { delivered: { topic, partition, messages }, malformed };
}

/** Reports the malformed records, then hands the rest to `onBatch`; rejects when either handler does. */
export async function deliverDecodedBatch(
  options: ConsumerOptions,
  { delivered, malformed }: DecodedBatch,
  logger: BusLogger,
): Promise<void> {
  for (const { message, reason } of malformed) {
    if (options.onMalformed) await options.onMalformed(message, reason);
    else logger.warn('Skipping a malformed record', { ...message, value: undefined, reason });
  }
  if (delivered.messages.length > 0) await options.onBatch(delivered);
}

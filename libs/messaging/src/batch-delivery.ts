import type { Envelope } from '#rollcall/domain';
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

/** Why `validate` refuses an envelope; a validator that throws refuses it too rather than stop the partition. */
function refusal(envelope: Envelope, validate: ConsumerOptions['validate']): string | null {
  try {
    const problem = validate?.(envelope) ?? null;
    return problem === null ? null : `invalid ${envelope.type}: ${problem}`;
  } catch (error) {
    return `validation of ${envelope.type} failed: ${(error as Error).message}`;
  }
}

type Judged = { readonly key: string; readonly envelope: Envelope } | { readonly reason: string };

function judge(record: RawRecord, validate: ConsumerOptions['validate']): Judged {
  const decoded = decodeEnvelope(record.value);
  if (!decoded.ok) return { reason: decoded.reason };
  if (record.key === null) return { reason: 'no key' };
  const reason = refusal(decoded.envelope, validate);
  return reason === null ? { key: record.key, envelope: decoded.envelope } : { reason };
}

export function decodeBatch(
  topic: string,
  partition: number,
  records: readonly RawRecord[],
  validate?: ConsumerOptions['validate'],
): DecodedBatch {
  const last = records.at(-1);
  if (last === undefined) throw new Error('an empty batch has no position to deliver');
  const messages: DeliveredMessage[] = [];
  const malformed: { message: MalformedMessage; reason: string }[] = [];
  for (const record of records) {
    const judged = judge(record, validate);
    if ('reason' in judged) malformed.push({ message: { topic, partition, ...record }, reason: judged.reason });
    else messages.push({ topic, partition, offset: record.offset, ...judged });
  }
  const nextOffset = String(BigInt(last.offset) + 1n);
  return { delivered: { topic, partition, messages, nextOffset }, malformed };
}

/**
 * Reports the malformed records, then hands the rest to `onBatch` (an empty rest too, when the
 * consumer keeps its own positions); rejects when either handler does.
 */
export async function deliverDecodedBatch(
  options: ConsumerOptions,
  { delivered, malformed }: DecodedBatch,
  logger: BusLogger,
): Promise<void> {
  for (const { message, reason } of malformed) {
    if (options.onMalformed) await options.onMalformed(message, reason);
    else logger.warn('Skipping a malformed record', { ...message, value: undefined, reason });
  }
  if (delivered.messages.length > 0 || options.positionsOnAssign !== undefined) await options.onBatch(delivered);
}

import type { Batch, KafkaMessage } from 'kafkajs';
import { decodeBatch, type DecodedBatch } from '../batch-delivery.js';
import type { ConsumerOptions } from '../event-bus.port.js';

function headersAsStrings(message: KafkaMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value.toString();
  }
  return headers;
}

export function decodeKafkaBatch(batch: Batch, validate?: ConsumerOptions['validate']): DecodedBatch {
  const records = batch.messages.map((message) => ({
    offset: message.offset,
    key: message.key === null ? null : message.key.toString(),
    value: message.value,
    headers: headersAsStrings(message),
  }));
  return decodeBatch(batch.topic, batch.partition, records, validate);
}

import { jest } from '@jest/globals';
import type { BusLogger } from './bus-logger.js';
import { decodeBatch, deliverDecodedBatch } from './batch-delivery.js';
import type { ConsumerOptions, DeliveredBatch, MalformedMessage } from './event-bus.port.js';
import { testEnvelope } from './testing/contract-fixtures.js';

const record = (offset: number, key: string | null, value: string) => ({
  offset: String(offset),
  key,
  value: Buffer.from(value),
  headers: {},
});

describe('batch delivery', () => {
  const batch = decodeBatch('topic.v1', 3, [
    record(10, 'node-1', JSON.stringify(testEnvelope('ok-1'))),
    record(11, 'node-1', 'garbage'),
    record(12, null, JSON.stringify(testEnvelope('keyless'))),
    record(13, 'node-2', JSON.stringify(testEnvelope('ok-2'))),
  ]);

  it('splits envelopes from malformed records, keeping positions', () => {
    expect(batch.delivered.messages.map(({ offset, key, partition }) => [offset, key, partition])).toEqual([
      ['10', 'node-1', 3],
      ['13', 'node-2', 3],
    ]);
    expect(batch.malformed.map(({ message, reason }) => [message.offset, reason.split(':')[0]])).toEqual([
      ['11', 'not JSON'],
      ['12', 'no key'],
    ]);
  });

  it('positions the batch after its last record, malformed or not', () => {
    expect(batch.delivered.nextOffset).toBe('14');
    expect(
      decodeBatch('topic.v1', 0, [record(7, 'k', JSON.stringify(testEnvelope('a'))), record(8, 'k', '{')]).delivered,
    ).toMatchObject({ messages: [expect.objectContaining({ offset: '7' })], nextOffset: '9' });
    expect(() => decodeBatch('topic.v1', 0, [])).toThrow('an empty batch');
  });

  it('hands an all-malformed batch, empty, to a consumer that keeps its own positions', async () => {
    const onBatch = jest.fn(async (_delivered: DeliveredBatch) => undefined);
    const onlyGarbage = decodeBatch('topic.v1', 0, [record(5, 'k', '{'), record(6, 'k', '}')]);
    const options: ConsumerOptions = {
      groupId: 'g',
      topics: ['topic.v1'],
      positionsOnAssign: async () => [],
      onMalformed: async () => undefined,
      onBatch,
    };
    await deliverDecodedBatch(options, onlyGarbage, { warn: jest.fn(), error: jest.fn() });
    expect(onBatch).toHaveBeenCalledWith({ topic: 'topic.v1', partition: 0, messages: [], nextOffset: '7' });
  });

  it('reports malformed records before handing over the rest', async () => {
    const calls: string[] = [];
    const options: ConsumerOptions = {
      groupId: 'g',
      topics: ['topic.v1'],
      onMalformed: async (message: MalformedMessage) => void calls.push(`malformed ${message.offset}`),
      onBatch: async (delivered: DeliveredBatch) => void calls.push(`batch ${delivered.messages.length}`),
    };
    await deliverDecodedBatch(options, batch, { warn: jest.fn(), error: jest.fn() });
    expect(calls).toEqual(['malformed 11', 'malformed 12', 'batch 2']);
  });

  it('treats an envelope that validate refuses like a malformed record, and a throwing validator too', () => {
    const judged = decodeBatch(
      'topic.v1',
      1,
      [
        record(20, 'k', JSON.stringify(testEnvelope('fine'))),
        record(21, 'k', JSON.stringify(testEnvelope('refused', 'a string'))),
        record(22, 'k', JSON.stringify(testEnvelope('crashes', { crash: true }))),
        record(23, 'k', 'garbage'),
        record(24, 'k', JSON.stringify(testEnvelope('also-fine'))),
      ],
      (envelope) => {
        if (envelope.id === 'crashes') throw new Error('validator bug');
        return typeof envelope.data === 'string' ? 'data: expected object' : null;
      },
    );

    expect(judged.delivered.messages.map((message) => message.envelope.id)).toEqual(['fine', 'also-fine']);
    expect(judged.malformed.map(({ message, reason }) => [message.offset, reason])).toEqual([
      ['21', 'invalid ContractTestHappened: data: expected object'],
      ['22', 'validation of ContractTestHappened failed: validator bug'],
      ['23', expect.stringMatching(/^not JSON/)],
    ]);
    expect(judged.malformed[0].message.value?.toString()).toBe(JSON.stringify(testEnvelope('refused', 'a string')));
  });

  it('logs malformed records when nobody handles them, and skips onBatch for an empty rest', async () => {
    const logger: BusLogger = { warn: jest.fn(), error: jest.fn() };
    const onBatch = jest.fn(async () => undefined);
    const onlyGarbage = decodeBatch('topic.v1', 0, [record(0, 'k', '{')]);
    await deliverDecodedBatch({ groupId: 'g', topics: ['topic.v1'], onBatch }, onlyGarbage, logger);
    expect(onBatch).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith('Skipping a malformed record', expect.objectContaining({ offset: '0' }));
  });
});

import { BatchCollector, testEnvelope, waitUntil } from '../testing/contract-fixtures.js';
import { describeEventBusContract } from '../testing/event-bus.contract.js';
import type { BusLogger } from '../bus-logger.js';
import { InProcessEventBus } from './in-process-event-bus.js';

const quietLogger: BusLogger = { warn: () => undefined, error: () => undefined };

describeEventBusContract('InProcessEventBus', () => new InProcessEventBus(quietLogger));

describe('InProcessEventBus specifics', () => {
  const bus = new InProcessEventBus(quietLogger);
  afterAll(() => bus.close());

  it('refuses topics that were never created', async () => {
    const envelope = testEnvelope('x');
    await expect(bus.publish([{ topic: 'missing.v1', key: 'k', envelope }])).rejects.toThrow(/ensureTopics/);
    await expect(
      bus.subscribe({ groupId: 'g', topics: ['missing.v1'], onBatch: async () => undefined }),
    ).rejects.toThrow(/ensureTopics/);
  });

  it('shares partitions between the members of one group, each partition with one member', async () => {
    await bus.ensureTopics([{ name: 'shared.v1', partitions: 4 }]);
    const first = new BatchCollector();
    const second = new BatchCollector();
    await bus.subscribe({ groupId: 'workers', topics: ['shared.v1'], onBatch: first.onBatch });
    await bus.subscribe({ groupId: 'workers', topics: ['shared.v1'], onBatch: second.onBatch });
    const ids = Array.from({ length: 40 }, (_, index) => `s-${index}`);
    await bus.publish(ids.map((id) => ({ topic: 'shared.v1', key: id, envelope: testEnvelope(id) })));
    await waitUntil(() => first.ids().length + second.ids().length === ids.length, 'both members got their share');

    const partitionsOf = (collector: BatchCollector) => new Set(collector.messages.map((message) => message.partition));
    expect([...partitionsOf(first)].filter((partition) => partitionsOf(second).has(partition))).toEqual([]);
    expect([...first.ids(), ...second.ids()].sort()).toEqual([...ids].sort());
    expect(await bus.isReachable()).toBe(true);
  });
});

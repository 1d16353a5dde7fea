import { afterEach, describe, expect, it } from '@jest/globals';
import type { Envelope } from '#rollcall/domain';
import { uniqueTopicPrefix } from '#rollcall/testing';
import type { BusMessage, EventBus, MalformedMessage, PartitionPosition, Subscription } from '../event-bus.port.js';
import { BatchCollector, testEnvelope, waitUntil } from './contract-fixtures.js';

const range = (count: number, from = 0) => Array.from({ length: count }, (_, index) => from + index);

/**
 * The guarantees every EventBus adapter gives, written once: each adapter's test file calls this
 * with a factory for a fresh bus. Every test works on topics of its own prefix.
 */
export function describeEventBusContract(name: string, createBus: () => EventBus | Promise<EventBus>): void {
  describe(`${name} (event bus contract)`, () => {
    let bus: EventBus;
    let subscriptions: Subscription[] = [];

    async function freshTopic(partitions: number): Promise<string> {
      bus = await createBus();
      const topic = `${uniqueTopicPrefix('contract')}.events.v1`;
      await bus.ensureTopics([{ name: topic, partitions }]);
      return topic;
    }

    async function subscribe(options: Parameters<EventBus['subscribe']>[0]): Promise<Subscription> {
      const subscription = await bus.subscribe(options);
      subscriptions.push(subscription);
      return subscription;
    }

    const messagesOf = (topic: string, ids: readonly string[], key = (id: string) => `key-${id}`): BusMessage[] =>
      ids.map((id) => ({ topic, key: key(id), envelope: testEnvelope(id) }));

    afterEach(async () => {
      await Promise.all(subscriptions.map((subscription) => subscription.stop()));
      subscriptions = [];
      await bus?.close();
    });

    it('round-trips envelopes intact, and a late subscriber reads from the start', async () => {
      const topic = await freshTopic(2);
      const envelopes: Envelope[] = [
        { ...testEnvelope('e-1', { node: 'node-ä', nested: { list: [1, 2.5, null, 'x'], flag: true } }) },
        {
          ...testEnvelope('e-2', 'plain string'),
          schemaVersion: 3,
          causationId: 'e-1',
          actor: { kind: 'user', id: 'alice', displayName: 'Alice Ärger' },
        },
        { ...testEnvelope('e-3', null), type: 'OtherThingObserved', actor: { kind: 'bot', id: 'chatops' } },
      ];
      await bus.publish(envelopes.map((envelope) => ({ topic, key: 'same-node', envelope })));

      const collector = new BatchCollector();
      await subscribe({ groupId: `${topic}.reader`, topics: [topic], onBatch: collector.onBatch });
      await collector.waitForIds(['e-1', 'e-2', 'e-3']);

      expect(collector.messages.map((message) => message.envelope)).toEqual(envelopes);
      for (const message of collector.messages) {
        expect(message).toMatchObject({ topic, key: 'same-node', partition: collector.messages[0].partition });
        expect(message.offset).toMatch(/^\d+$/);
      }
      for (const batch of collector.batches) {
        expect(batch.messages.every((message) => message.partition === batch.partition)).toBe(true);
      }
    });

    it('rejects an envelope that consumers could not decode', async () => {
      const topic = await freshTopic(1);
      const broken = { ...testEnvelope('bad'), schemaVersion: 'one' } as unknown as Envelope;
      await expect(bus.publish([{ topic, key: 'k', envelope: broken }])).rejects.toThrow(/envelope/);
    });

    it('hands envelopes that validate refuses to onMalformed, in order, and delivers the rest', async () => {
      const topic = await freshTopic(1);
      const ids = ['v-1', 'v-poison', 'v-2', 'v-3'];
      await bus.publish(
        ids.map((id) => ({ topic, key: 'one-key', envelope: testEnvelope(id, { poisoned: id === 'v-poison' }) })),
      );
      const calls: string[] = [];
      const refused: { message: MalformedMessage; reason: string }[] = [];
      const collector = new BatchCollector();
      await subscribe({
        groupId: `${topic}.validating`,
        topics: [topic],
        validate: (envelope) => ((envelope.data as { poisoned: boolean }).poisoned ? 'data.poisoned: is true' : null),
        onMalformed: async (message, reason) => {
          calls.push(`malformed ${message.offset}`);
          refused.push({ message, reason });
        },
        onBatch: async (batch) => {
          calls.push(...batch.messages.map((message) => `delivered ${message.offset}`));
          await collector.onBatch(batch);
        },
      });
      await collector.expectExactly(['v-1', 'v-2', 'v-3']);

      expect(collector.ids()).toEqual(['v-1', 'v-2', 'v-3']);
      expect(refused).toHaveLength(1);
      expect(refused[0].reason).toBe('invalid ContractTestHappened: data.poisoned: is true');
      expect(refused[0].message).toMatchObject({ topic, key: 'one-key', offset: '1' });
      expect(JSON.parse(String(refused[0].message.value))).toEqual(testEnvelope('v-poison', { poisoned: true }));
      expect(calls.indexOf('malformed 1')).toBeLessThan(calls.indexOf('delivered 2'));
    });

    it('keeps per-key order across partitions with interleaved publishes', async () => {
      const topic = await freshTopic(4);
      const keys = range(12).map((index) => `node-${index}`);
      const perKey = 15;
      const collector = new BatchCollector();
      await subscribe({ groupId: `${topic}.order`, topics: [topic], onBatch: collector.onBatch });
      for (const round of range(5)) {
        const messages = range(perKey / 5, (round * perKey) / 5).flatMap((sequence) =>
          keys.map((key) => ({ topic, key, envelope: testEnvelope(`${key}#${sequence}`, { sequence }) })),
        );
        await bus.publish(messages);
      }
      const expected = keys.flatMap((key) => range(perKey).map((sequence) => `${key}#${sequence}`));
      await collector.waitForIds(expected);

      for (const key of keys) {
        const sequences = collector.messages
          .filter((message) => message.key === key)
          .map((message) => message.envelope.data);
        expect(sequences).toEqual(range(perKey).map((sequence) => ({ sequence })));
        expect(new Set(collector.messages.filter((message) => message.key === key).map((m) => m.partition)).size).toBe(
          1,
        );
      }
      expect(new Set(collector.messages.map((message) => message.partition)).size).toBeGreaterThan(1);
    });

    it('gives every consumer group all messages, each at its own position', async () => {
      const topic = await freshTopic(3);
      const ids = range(30).map((index) => `m-${index}`);
      await bus.publish(messagesOf(topic, ids));
      const audit = new BatchCollector();
      const projection = new BatchCollector();
      await subscribe({ groupId: `${topic}.audit`, topics: [topic], onBatch: audit.onBatch });
      await subscribe({ groupId: `${topic}.projection`, topics: [topic], onBatch: projection.onBatch });
      await audit.expectExactly(ids);
      await projection.expectExactly(ids);
    });

    it('delivers a batch again when onBatch throws (at-least-once)', async () => {
      const topic = await freshTopic(1);
      const ids = range(6).map((index) => `r-${index}`);
      const attempts: string[][] = [];
      let failuresLeft = 2;
      await bus.publish(messagesOf(topic, ids, () => 'one-key'));
      await subscribe({
        groupId: `${topic}.flaky`,
        topics: [topic],
        onBatch: async (batch) => {
          attempts.push(batch.messages.map((message) => message.envelope.id));
          if (failuresLeft > 0) {
            failuresLeft -= 1;
            throw new Error('projection database unavailable');
          }
        },
      });
      await waitUntil(() => ids.every((id) => attempts.slice(2).flat().includes(id)), 'every message was accepted');

      expect(attempts[1]).toEqual(attempts[0]);
      expect(attempts[2]).toEqual(attempts[0]);
      expect(attempts.slice(2).flat()).toEqual(ids);
    });

    it('starts at the positions returned by positionsOnAssign', async () => {
      const topic = await freshTopic(2);
      const ids = range(20).map((index) => `p-${index}`);
      await bus.publish(messagesOf(topic, ids));
      const probe = new BatchCollector();
      await subscribe({ groupId: `${topic}.probe`, topics: [topic], onBatch: probe.onBatch });
      await probe.waitForIds(ids);
      const onPartition0 = probe.messages.filter((message) => message.partition === 0);
      const onPartition1 = probe.messages.filter((message) => message.partition === 1);
      expect(onPartition0.length).toBeGreaterThan(2);

      const stored: PartitionPosition[] = [{ topic, partition: 0, offset: onPartition0[2].offset }];
      const asked: { topic: string; partition: number }[][] = [];
      const seeker = new BatchCollector();
      await subscribe({
        groupId: `${topic}.seeker`,
        topics: [topic],
        positionsOnAssign: async (assigned) => {
          asked.push([...assigned]);
          // Answering late, like a database would, proves that nothing is consumed before the seek.
          await new Promise((resolve) => setTimeout(resolve, 300));
          return stored;
        },
        onBatch: seeker.onBatch,
      });
      const expected = [...onPartition0.slice(2), ...onPartition1].map((message) => message.envelope.id);
      await seeker.expectExactly(expected);
      expect(asked[0]).toEqual(
        expect.arrayContaining([
          { topic, partition: 0 },
          { topic, partition: 1 },
        ]),
      );
    });

    it('resumes a restarted consumer after its committed position', async () => {
      const topic = await freshTopic(2);
      const first = range(8).map((index) => `before-${index}`);
      const second = range(8).map((index) => `after-${index}`);
      const groupId = `${topic}.resumer`;
      await bus.publish(messagesOf(topic, first));
      const beforeRestart = new BatchCollector();
      const subscription = await subscribe({ groupId, topics: [topic], onBatch: beforeRestart.onBatch });
      await beforeRestart.expectExactly(first);
      await subscription.stop();
      subscriptions = subscriptions.filter((candidate) => candidate !== subscription);

      await bus.publish(messagesOf(topic, second));
      const afterRestart = new BatchCollector();
      await subscribe({ groupId, topics: [topic], onBatch: afterRestart.onBatch });
      await afterRestart.expectExactly(second);
    });
  });
}

import type { BusMessage, EventBus } from '#rollcall/messaging';
import { PublishQueue } from './publish-queue.js';

/** A bus whose publish calls stay pending until the test releases them. */
const gatedBus = () => {
  const published: BusMessage[][] = [];
  const releases: (() => void)[] = [];
  const bus = {
    publish: (messages: readonly BusMessage[]) =>
      new Promise<void>((resolve) => {
        published.push([...messages]);
        releases.push(resolve);
      }),
  } as unknown as EventBus;
  const releaseAll = async () => {
    while (releases.length > 0) {
      releases.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return { bus, published, releaseAll };
};

const message = (id: number): BusMessage => ({
  topic: 't',
  key: `k${id % 2}`,
  envelope: {
    id: String(id),
    type: 'T',
    schemaVersion: 1,
    occurredAt: '',
    observedAt: '',
    correlationId: '',
    causationId: null,
    actor: null,
    data: null,
  },
});

describe('PublishQueue', () => {
  it('given more messages than a batch, when flushed, then batches are cut at maxBatch in offer order', async () => {
    const { bus, published, releaseAll } = gatedBus();
    const queue = new PublishQueue(bus, { maxBatch: 3, lingerMs: 5, capacity: 100, retryDelayMs: 1 });

    for (let id = 0; id < 7; id++) queue.offer(message(id));
    await new Promise((resolve) => setTimeout(resolve, 10));
    await releaseAll();
    await queue.whenIdle();

    expect(published.map((batch) => batch.map((item) => item.envelope.id))).toEqual([
      ['0', '1', '2'],
      ['3', '4', '5'],
      ['6'],
    ]);
  });

  it('given a slow bus, when the queue reaches capacity, then offer says stop and whenReady waits for room', async () => {
    const { bus, releaseAll } = gatedBus();
    const queue = new PublishQueue(bus, { maxBatch: 2, lingerMs: 1, capacity: 4, retryDelayMs: 1 });

    const answers = [1, 2, 3, 4].map((id) => queue.offer(message(id)));
    let ready = false;
    const waiting = queue.whenReady().then(() => (ready = true));
    await new Promise((resolve) => setTimeout(resolve, 10));

    expect(answers).toEqual([true, true, true, false]);
    expect(ready).toBe(false);
    await releaseAll();
    await waiting;
    expect(ready).toBe(true);
    expect(queue.size).toBeLessThan(2);
  });

  it('given a lost lease, when discarded, then nothing more is published', async () => {
    const { bus, published } = gatedBus();
    const queue = new PublishQueue(bus, { maxBatch: 10, lingerMs: 20, capacity: 100, retryDelayMs: 1 });

    queue.offer(message(1));
    queue.close();
    await new Promise((resolve) => setTimeout(resolve, 40));

    expect(published).toEqual([]);
    expect(queue.size).toBe(0);
  });
});

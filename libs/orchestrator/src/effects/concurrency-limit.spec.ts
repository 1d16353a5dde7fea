import { ConcurrencyLimit } from './concurrency-limit.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('ConcurrencyLimit', () => {
  it('never runs more than the limit at once and runs every task in call order', async () => {
    const limit = new ConcurrencyLimit(3);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const task = (index: number) => async () => {
      started.push(index);
      running++;
      peak = Math.max(peak, running);
      await tick();
      running--;
      return index;
    };

    const results = await Promise.all(Array.from({ length: 10 }, (_, index) => limit.run(task(index))));

    expect(peak).toBe(3);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('frees the slot of a failed task', async () => {
    const limit = new ConcurrencyLimit(1);

    await expect(limit.run(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');

    await expect(limit.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('tells a task whether it had to wait for a slot', async () => {
    const limit = new ConcurrencyLimit(2);
    const waits: boolean[] = [];
    const task = async (waited: boolean) => {
      waits.push(waited);
      await tick();
    };

    await Promise.all([limit.run(task), limit.run(task), limit.run(task)]);

    expect(waits).toEqual([false, false, true]);
  });
});

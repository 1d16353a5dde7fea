import { jest } from '@jest/globals';
import { CoalescingQueue } from './coalescing-queue.js';

describe('coalescing queue', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('given a burst of the same keys, when the batch runs, then each key is processed once', () => {
    const processed: string[] = [];
    const queue = new CoalescingQueue<string>((key) => processed.push(key), 10);
    for (let i = 0; i < 500; i++) queue.add(i % 2 === 0 ? 'a' : 'b');

    jest.advanceTimersByTime(10);
    expect(processed).toEqual(['a', 'b']);
  });

  it('given a failing key, when processed, then it is retried later, not at once', () => {
    let attempts = 0;
    const queue = new CoalescingQueue<string>(() => {
      attempts++;
      if (attempts === 1) throw new Error('transient');
    }, 10);
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    queue.add('a');

    jest.advanceTimersByTime(10);
    expect(attempts).toBe(1);
    jest.advanceTimersByTime(100);
    expect(attempts).toBe(1);
    jest.advanceTimersByTime(500);
    expect(attempts).toBe(2);
    quiet.mockRestore();
  });
});

import { jest } from '@jest/globals';
import { TimerQueue } from './timer-queue.js';

describe('timer queue', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('given tasks scheduled out of order, when time passes, then they run in deadline order', () => {
    const queue = new TimerQueue();
    const ran: string[] = [];
    queue.schedule(300, () => ran.push('c'));
    queue.schedule(100, () => ran.push('a'));
    queue.schedule(200, () => ran.push('b'));

    jest.advanceTimersByTime(150);
    expect(ran).toEqual(['a']);
    jest.advanceTimersByTime(200);
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(queue.size).toBe(0);
  });

  it('given a cancelled task, when its time comes, then it does not run', () => {
    const queue = new TimerQueue();
    const ran: string[] = [];
    queue.schedule(100, () => ran.push('kept'));
    queue.schedule(100, () => ran.push('cancelled')).cancel();

    jest.advanceTimersByTime(100);
    expect(ran).toEqual(['kept']);
  });

  it('given a task scheduling another, when time passes, then the new one runs too', () => {
    const queue = new TimerQueue();
    const ran: number[] = [];
    queue.schedule(10, () => queue.schedule(10, () => ran.push(2)));

    jest.advanceTimersByTime(25);
    expect(ran).toEqual([2]);
  });

  it('given a stopped queue, when time passes, then nothing runs', () => {
    const queue = new TimerQueue();
    const ran: number[] = [];
    queue.schedule(10, () => ran.push(1));
    queue.stop();

    jest.advanceTimersByTime(20);
    expect(ran).toEqual([]);
  });
});

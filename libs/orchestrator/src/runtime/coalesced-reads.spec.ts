import { CoalescedReads } from './coalesced-reads.js';

/** A read whose answer is the number of reads started so far, released by hand. */
function controlledReads() {
  const releases: (() => void)[] = [];
  let started = 0;
  const reads = new CoalescedReads<number>(() => {
    const number = ++started;
    return new Promise<number>((resolve) => releases.push(() => resolve(number)));
  });
  const releaseNext = async () => {
    releases.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { reads, releaseNext, started: () => started };
}

describe('CoalescedReads', () => {
  it('starts one read for callers that ask before any read runs', async () => {
    const { reads, releaseNext, started } = controlledReads();

    const first = reads.get('r1');
    await releaseNext();

    await expect(first).resolves.toBe(1);
    expect(started()).toBe(1);
  });

  it('gives callers that ask during a read a later read, shared between them', async () => {
    const { reads, releaseNext, started } = controlledReads();

    const early = reads.get('r1');
    const lateA = reads.get('r1');
    const lateB = reads.get('r1');
    expect(started()).toBe(1);
    await releaseNext();
    await releaseNext();

    await expect(early).resolves.toBe(1);
    await expect(lateA).resolves.toBe(2);
    await expect(lateB).resolves.toBe(2);
    expect(started()).toBe(2);
  });

  it('reads each key on its own', async () => {
    const { reads, releaseNext, started } = controlledReads();

    const one = reads.get('r1');
    const two = reads.get('r2');
    expect(started()).toBe(2);
    await releaseNext();
    await releaseNext();

    await expect(Promise.all([one, two])).resolves.toEqual([1, 2]);
  });

  it('starts afresh after a failed read', async () => {
    let attempts = 0;
    const reads = new CoalescedReads<number>(() =>
      ++attempts === 1 ? Promise.reject(new Error('down')) : Promise.resolve(attempts),
    );

    await expect(reads.get('r1')).rejects.toThrow('down');
    await expect(reads.get('r1')).resolves.toBe(2);
  });
});

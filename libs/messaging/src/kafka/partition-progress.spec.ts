import { PartitionProgress, type PartitionOffsets } from './partition-progress.js';

const TIMEOUT = 10_000;
const p0 = { topic: 'events', partition: 0 };
const p1 = { topic: 'events', partition: 1 };

function offsets(partition: number, logEnd: number, committed = -1, logStart = 0): PartitionOffsets {
  return {
    topic: 'events',
    partition,
    committed: BigInt(committed),
    logStart: BigInt(logStart),
    logEnd: BigInt(logEnd),
  };
}

describe('PartitionProgress', () => {
  let progress: PartitionProgress;

  beforeEach(() => {
    progress = new PartitionProgress();
    progress.assign([p0, p1]);
  });

  it('reports a partition that stays behind at one position for the whole timeout', () => {
    progress.release(p0, 5n);
    progress.release(p1, 3n);
    expect(progress.stalled([offsets(0, 9), offsets(1, 3)], 0, TIMEOUT)).toEqual([]);
    expect(progress.stalled([offsets(0, 9), offsets(1, 3)], TIMEOUT - 1, TIMEOUT)).toEqual([]);
    expect(progress.stalled([offsets(0, 12), offsets(1, 3)], TIMEOUT, TIMEOUT)).toEqual([p0]);
  });

  it('starts the timeout over when the partition moves, and forgets it once caught up', () => {
    progress.release(p0, 5n);
    progress.stalled([offsets(0, 9)], 0, TIMEOUT);
    progress.release(p0, 7n);
    expect(progress.stalled([offsets(0, 9)], TIMEOUT, TIMEOUT)).toEqual([]);
    progress.release(p0, 9n);
    progress.stalled([offsets(0, 9)], TIMEOUT + 1, TIMEOUT);
    // Idle for an hour, then one message: behind from that check on, not from the last move.
    expect(progress.stalled([offsets(0, 10)], 3_600_000, TIMEOUT)).toEqual([]);
    expect(progress.stalled([offsets(0, 10)], 3_600_000 + TIMEOUT, TIMEOUT)).toEqual([p0]);
  });

  it('never reports a partition our own code holds (handler running or retrying, seek pending)', () => {
    progress.release(p0, 5n);
    progress.hold(p0);
    expect(progress.stalled([offsets(0, 9)], 0, TIMEOUT)).toEqual([]);
    expect(progress.stalled([offsets(0, 9)], 5 * TIMEOUT, TIMEOUT)).toEqual([]);
    progress.release(p0);
    expect(progress.stalled([offsets(0, 9)], 6 * TIMEOUT, TIMEOUT)).toEqual([]);
    expect(progress.stalled([offsets(0, 9)], 7 * TIMEOUT, TIMEOUT)).toEqual([p0]);
  });

  it("takes an unknown position from the group's committed offset, or else the log start", () => {
    progress.stalled([offsets(0, 9, 9), offsets(1, 9, -1, 4)], 0, TIMEOUT);
    expect(progress.stalled([offsets(0, 9, 9), offsets(1, 9, -1, 4)], TIMEOUT, TIMEOUT)).toEqual([p1]);
    progress.release(p1, 9n);
    expect(progress.stalled([offsets(0, 9, 9), offsets(1, 9, -1, 4)], 2 * TIMEOUT, TIMEOUT)).toEqual([]);
  });

  it('starts every timeout over after a check that could not be made', () => {
    progress.release(p0, 5n);
    progress.stalled([offsets(0, 9)], 0, TIMEOUT);
    progress.forgetObservations();
    expect(progress.stalled([offsets(0, 9)], TIMEOUT, TIMEOUT)).toEqual([]);
    expect(progress.stalled([offsets(0, 9)], 2 * TIMEOUT, TIMEOUT)).toEqual([p0]);
  });

  it('judges only assigned partitions, with positions unknown again after a new assignment', () => {
    progress.release(p0, 5n);
    progress.release(p1, 9n);
    progress.assign([p1]);
    // p1's position is the committed 3 now, not the 9 this member had before the new assignment.
    progress.stalled([offsets(0, 9), offsets(1, 9, 3)], 0, TIMEOUT);
    expect(progress.stalled([offsets(0, 9), offsets(1, 9, 3)], TIMEOUT, TIMEOUT)).toEqual([p1]);
    progress.clear();
    expect(progress.stalled([offsets(0, 9), offsets(1, 9, 3)], 2 * TIMEOUT, TIMEOUT)).toEqual([]);
  });
});

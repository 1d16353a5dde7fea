import { partitionForKey } from './key-partitioner.js';

describe('partitionForKey', () => {
  const keys = Array.from({ length: 200 }, (_, index) => `node-${index}`);

  it('is stable and in range', () => {
    for (const key of keys) {
      const partition = partitionForKey(key, 6);
      expect(partition).toBe(partitionForKey(key, 6));
      expect(partition).toBeGreaterThanOrEqual(0);
      expect(partition).toBeLessThan(6);
    }
    expect(partitionForKey('kube-system/log-collector', 12)).toBe(partitionForKey('kube-system/log-collector', 12));
  });

  it('spreads keys over every partition', () => {
    const counts = new Array(6).fill(0);
    for (const key of keys) counts[partitionForKey(key, 6)] += 1;
    expect(Math.min(...counts)).toBeGreaterThan(10);
  });
});

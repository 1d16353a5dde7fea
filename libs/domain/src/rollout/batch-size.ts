import type { MaxUnavailable } from './rollout-spec.js';

/**
 * Nodes replaced at once. A percentage is of the DaemonSet's desired pods and rounds DOWN, unlike
 * the DaemonSet controller (which rounds up), so it stays within the stated share; the floor of 1,
 * which keeps a small DaemonSet progressing, can exceed that share (1 % of 10 pods is 1 pod).
 */
export function batchSize(maxUnavailable: MaxUnavailable, desiredPods: number): number {
  if (typeof maxUnavailable === 'number') return maxUnavailable;
  const percent = Number(maxUnavailable.slice(0, -1));
  return Math.max(1, Math.floor((desiredPods * percent) / 100));
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

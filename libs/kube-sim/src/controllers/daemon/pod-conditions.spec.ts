import type { PodWire } from '../kube-wire.types.js';
import { isPodAvailable, isPodReady } from './pod-conditions.js';

const podReadySince = (status: 'True' | 'False', at: string): PodWire => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers: [] },
  status: { conditions: [{ type: 'Ready', status, lastTransitionTime: at }] },
});

describe('pod readiness and availability', () => {
  const readyAt = '2025-01-01T00:00:00.000Z';
  const readyAtMs = Date.parse(readyAt);

  it('given a Ready pod, when minReadySeconds is 0, then it is available at once', () => {
    expect(isPodReady(podReadySince('True', readyAt))).toBe(true);
    expect(isPodAvailable(podReadySince('True', readyAt), 0, readyAtMs)).toBe(true);
  });

  it('given a Ready pod, when minReadySeconds has not elapsed, then it is not yet available', () => {
    expect(isPodAvailable(podReadySince('True', readyAt), 10, readyAtMs + 9_000)).toBe(false);
    expect(isPodAvailable(podReadySince('True', readyAt), 10, readyAtMs + 10_000)).toBe(true);
  });

  it('given a pod that is not Ready, when checked, then it is neither ready nor available', () => {
    expect(isPodReady(podReadySince('False', readyAt))).toBe(false);
    expect(isPodAvailable(podReadySince('False', readyAt), 0, readyAtMs)).toBe(false);
  });
});

import type { PodWire } from '../kube-wire.types.js';
import { containerBehaviour, crashLoopBackOffMs } from './container-behaviour.js';

const podWith = (...images: string[]): PodWire => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers: images.map((image, index) => ({ name: `c${index}`, image })) },
});

describe('container behaviour from the image tag', () => {
  it.each([
    [['busybox:1.36'], 'ready'],
    [['busybox:never-ready'], 'never-ready'],
    [['busybox:crashloop'], 'crashloop'],
    [['busybox:1.36', 'registry.local/sidecar:crashloop-2'], 'crashloop'],
  ])('given images %j, when classified, then %s', (images, expected) => {
    expect(containerBehaviour(podWith(...images))).toBe(expected);
  });

  it('given restarts, when backing off, then the delay doubles up to five minutes', () => {
    expect([1, 2, 3].map((restarts) => crashLoopBackOffMs(100, restarts))).toEqual([100, 200, 400]);
    expect(crashLoopBackOffMs(10_000, 10)).toBe(300_000);
  });
});

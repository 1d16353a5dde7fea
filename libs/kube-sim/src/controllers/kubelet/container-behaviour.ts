import type { PodWire } from '../kube-wire.types.js';

/** What an image does once started: fault injection goes through the image tag. */
export type ContainerBehaviour = 'ready' | 'never-ready' | 'crashloop';

export function containerBehaviour(pod: PodWire): ContainerBehaviour {
  const images = pod.spec.containers.map((container) => container.image ?? '');
  if (images.some((image) => image.includes('crashloop'))) return 'crashloop';
  if (images.some((image) => image.includes('never-ready'))) return 'never-ready';
  return 'ready';
}

/** CrashLoopBackOff doubles from the base delay up to five minutes, like the kubelet's 10 s to 300 s. */
export function crashLoopBackOffMs(baseMs: number, restartCount: number): number {
  return Math.min(Math.max(baseMs, 10) * 2 ** Math.max(0, restartCount - 1), 300_000);
}

import type { ClusterStore } from '#rollcall/kube-sim';
import { sampleAvailability } from './availability.sampler.js';

/** Samples the simulator's store every few milliseconds; `stop` returns the most pods ever unavailable at once. */
export function unavailableSampler(store: ClusterStore, app: string, desired: number): { stop(): number } {
  const sampler = sampleAvailability(store, [app], desired);
  return { stop: () => sampler.stop().get(app)?.mostUnavailable ?? 0 };
}

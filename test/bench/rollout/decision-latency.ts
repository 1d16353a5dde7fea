export interface Percentiles {
  readonly samples: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((left, right) => left - right);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] ?? 0;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { samples: sorted.length, p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), maxMs: round(at(1)) };
}

/**
 * Pairs each eviction with the Ready replacement that preceded it. `decision`: a Ready pod to the
 * first eviction after it (the saga reacting); `dispatch`: that Ready pod to every eviction it
 * released before the next Ready pod (how long a whole batch takes to be issued).
 */
export function decisionLatencies(readyAt: readonly number[], evictedAt: readonly number[]) {
  const decision: number[] = [];
  const dispatch: number[] = [];
  const evictions = [...evictedAt].sort((left, right) => left - right);
  const readies = [...readyAt].sort((left, right) => left - right);
  let next = 0;
  for (const [index, ready] of readies.entries()) {
    const until = readies[index + 1] ?? Number.POSITIVE_INFINITY;
    while (next < evictions.length && evictions[next] < ready) next++;
    let first = true;
    for (let at = next; at < evictions.length && evictions[at] < until; at++) {
      if (first) decision.push(evictions[at] - ready);
      dispatch.push(evictions[at] - ready);
      first = false;
    }
  }
  return { decision: percentiles(decision), dispatch: percentiles(dispatch) };
}

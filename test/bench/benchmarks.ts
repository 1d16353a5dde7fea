import { runIngestBench } from './ingest.bench.js';
import { runKubeSimBench } from './kube-sim.bench.js';
import { runRolloutBench } from './rollout.bench.js';

export interface BenchOptions {
  /** A short run with smaller parameters, to check that the benchmark works. */
  readonly quick: boolean;
}

export type Benchmark = (options: BenchOptions) => Promise<Record<string, unknown>>;

export const benchmarks: Record<string, Benchmark> = {
  'kube-sim': (options) => runKubeSimBench(options),
  ingest: (options) => runIngestBench(options),
  rollout: (options) => runRolloutBench(options),
};

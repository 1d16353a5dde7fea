import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';

export interface OrchestratorSettings {
  /** Names this process in rollout leases; unique per process. */
  readonly owner: string;
  readonly leaseTtlMs: number;
  /** How often leases are renewed and new or orphaned rollouts are picked up (well under the TTL). */
  readonly superviseEveryMs: number;
  readonly timerPollMs: number;
  readonly relayPollMs: number;
  /** Delay before an effect that failed transiently (network, 5xx) is tried again. */
  readonly effectRetryMs: number;
  /**
   * Cluster calls (evictions, patches) one rollout has in flight at once. The saga already bounds
   * evictions by the batch size; this only keeps a large batch from queueing behind round trips,
   * the way kubectl drain evicts a node's pods all at once.
   */
  readonly effectConcurrency: number;
}

export function orchestratorSettings(overrides: Partial<OrchestratorSettings> = {}): OrchestratorSettings {
  return {
    owner: `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`,
    leaseTtlMs: 15_000,
    superviseEveryMs: 3_000,
    timerPollMs: 250,
    relayPollMs: 200,
    effectRetryMs: 1_000,
    effectConcurrency: 128,
    ...overrides,
  };
}

import { hostname } from 'node:os';
import { CLUSTER_TOPIC } from '#rollcall/domain';

export interface LeaseSettings {
  readonly namespace: string;
  readonly name: string;
  readonly leaseDurationSeconds: number;
  readonly retryPeriodMs: number;
  readonly renewDeadlineMs: number;
}

export interface WatcherSettings {
  /** This instance's Lease holder identity. */
  readonly identity: string;
  /** null: no election, this instance always publishes (one process, all roles). */
  readonly lease: LeaseSettings | null;
  readonly pageSize: number;
  /** CLUSTER_TOPIC in production; tests use their own. */
  readonly topic: string;
  readonly topicPartitions: number;
  /**
   * Memory bound: at most `capacity` queued messages, plus one list page per kind and what a watch
   * chunk already held when readers were told to stop: about 5 x 500 + capacity envelopes.
   */
  readonly batch: { maxBatch: number; lingerMs: number; capacity: number; retryDelayMs: number };
}

export const DEFAULT_WATCHER_SETTINGS: WatcherSettings = {
  identity: `${hostname()}-${process.pid}`,
  lease: {
    namespace: 'default',
    name: 'rollcall-watcher',
    leaseDurationSeconds: 15,
    retryPeriodMs: 2_000,
    renewDeadlineMs: 10_000,
  },
  pageSize: 500,
  topic: CLUSTER_TOPIC,
  topicPartitions: 12,
  batch: { maxBatch: 500, lingerMs: 10, capacity: 5_000, retryDelayMs: 500 },
};

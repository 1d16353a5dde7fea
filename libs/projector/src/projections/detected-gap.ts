import type { ClusterResourceKind } from '#rollcall/domain';

/** An object a relist no longer found, whose deletion nobody saw. */
export interface VanishedObject {
  readonly key: string;
  readonly uid: string;
}

/** The resync marker that revealed a gap. */
export interface GapSource {
  readonly markerId: string;
  readonly kind: ClusterResourceKind;
  readonly relistId: string;
  readonly partitionKey: string | null;
  readonly occurredAt: string;
  readonly observedAt: string;
  readonly correlationId: string;
}

/** Objects found gone, for the WatchGap history row. */
export interface DetectedGap {
  readonly source: GapSource;
  readonly vanished: readonly VanishedObject[];
}

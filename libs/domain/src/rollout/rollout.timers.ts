/** What a timer means when it fires; its id is derived from it, so re-scheduling is idempotent. */
export type RolloutTimer =
  | { readonly kind: 'BakeEnd'; readonly stageIndex: number; readonly bakeId: number }
  | { readonly kind: 'NodeReadyTimeout'; readonly node: string; readonly attempt: number }
  | { readonly kind: 'EvictionRetry'; readonly node: string; readonly attempt: number }
  | {
      readonly kind: 'ApprovalExpiry';
      readonly stageIndex: number;
      readonly approverId: string;
      readonly grantedAt: string;
    };

export function timerId(rolloutId: string, timer: RolloutTimer): string {
  switch (timer.kind) {
    case 'BakeEnd':
      return `${rolloutId}/bake-end/${timer.stageIndex}/${timer.bakeId}`;
    case 'NodeReadyTimeout':
      return `${rolloutId}/node-ready/${timer.node}/${timer.attempt}`;
    case 'EvictionRetry':
      return `${rolloutId}/eviction-retry/${timer.node}/${timer.attempt}`;
    case 'ApprovalExpiry':
      return `${rolloutId}/approval-expiry/${timer.stageIndex}/${timer.approverId}/${timer.grantedAt}`;
    default: {
      const unknown: never = timer;
      throw new Error(`Unknown timer ${JSON.stringify(unknown)}`);
    }
  }
}

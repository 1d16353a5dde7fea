import type { RolloutTimer } from './rollout.timers.js';

/** Why a DaemonSet patch was made: apply the change, put the old template back, or the old strategy. */
export type PatchPurpose = 'ApplyChange' | 'RestoreTemplate' | 'RestoreStrategy';

/** The live state of one DaemonSet pod as the watcher last reported it. */
export interface ObservedPod {
  readonly name: string;
  readonly uid: string;
  readonly revisionHash: string;
  readonly ready: boolean;
  readonly restarts: number;
  readonly crashLooping: boolean;
}

/** Results of effects and cluster observations that adapters feed back in. */
export type RolloutObservation =
  | {
      readonly type: 'DaemonSetPatched';
      readonly now: string;
      readonly purpose: PatchPurpose;
      /** Hash of the ControllerRevision with the highest `.revision` after the patch. */
      readonly revisionHash: string;
      readonly generation: number;
    }
  | { readonly type: 'PodEvicted'; readonly now: string; readonly node: string; readonly podUid: string }
  | {
      readonly type: 'EvictionBlockedByPdb';
      readonly now: string;
      readonly node: string;
      readonly podUid: string;
      readonly pdb: string | null;
      readonly message: string;
    }
  | {
      readonly type: 'EvictionFailed';
      readonly now: string;
      readonly node: string;
      readonly podUid: string;
      /** PodNotFound 404, PreconditionFailed 409 (uid changed), RateLimited 429 without DisruptionBudget, MultiplePdbs 500. */
      readonly reason: 'PodNotFound' | 'PreconditionFailed' | 'RateLimited' | 'MultiplePdbs' | 'Refused';
      readonly message: string;
    }
  | { readonly type: 'PodObserved'; readonly now: string; readonly node: string; readonly pod: ObservedPod }
  | { readonly type: 'NodeRemoved'; readonly now: string; readonly node: string }
  | {
      readonly type: 'DaemonSetChangedExternally';
      readonly now: string;
      readonly generation: number;
      readonly changedFields: readonly string[];
      readonly changedBy: string | null;
    }
  | { readonly type: 'TimerFired'; readonly now: string; readonly timer: RolloutTimer };

import type { DaemonSetUpdateStrategy } from './cluster-view.js';
import type { PatchPurpose } from './rollout.observations.js';
import type { RolloutTimer } from './rollout.timers.js';
import type { DaemonSetRef, TemplateChange } from './rollout-spec.js';

export type NotificationKind =
  | 'ApprovalRequested'
  | 'RolloutStarted'
  | 'StageStarted'
  | 'StageFailed'
  | 'EvictionsBlockedByCrashLoops'
  | 'RolloutPaused'
  | 'RolloutResumed'
  | 'RollbackStarted'
  | 'RolloutSucceeded'
  | 'RolloutRolledBack'
  | 'RolloutAborted'
  | 'RolloutFailed'
  | 'RolloutRejected';

/** Side effects the adapters carry out; their results come back as observations. */
export type RolloutEffect =
  | {
      readonly type: 'PatchDaemonSet';
      readonly rolloutId: string;
      readonly daemonSet: DaemonSetRef;
      /** Precondition: the patch applies only to this DaemonSet object. */
      readonly daemonSetUid: string;
      readonly purpose: PatchPurpose;
      readonly updateStrategy: DaemonSetUpdateStrategy;
      readonly change: TemplateChange | null;
      /** For RestoreTemplate: the ControllerRevision whose template is put back. */
      readonly restoreRevisionHash: string | null;
    }
  | {
      readonly type: 'EvictPod';
      readonly rolloutId: string;
      readonly namespace: string;
      readonly podName: string;
      /** Sent as deleteOptions.preconditions.uid so a replaced pod is never evicted by mistake. */
      readonly podUid: string;
      readonly node: string;
      readonly attempt: number;
    }
  | {
      readonly type: 'ScheduleTimer';
      readonly rolloutId: string;
      readonly timerId: string;
      readonly at: string;
      readonly timer: RolloutTimer;
    }
  | { readonly type: 'CancelTimer'; readonly rolloutId: string; readonly timerId: string }
  | { readonly type: 'Notify'; readonly rolloutId: string; readonly kind: NotificationKind; readonly message: string };

import { eventOf } from './rollout.event-factory.js';
import type { RolloutEvent } from './rollout.events.js';
import type { PatchPurpose } from './rollout.observations.js';
import type { Rollout } from './rollout.state.js';

/**
 * The DaemonSet patches of a rollout: OnDelete plus the new template (the saga replaces pods
 * itself), OnDelete plus the original template for a rollback, and the original strategy at the end.
 */
export function patchRequest(rollout: Rollout, now: string, purpose: PatchPurpose): RolloutEvent {
  return eventOf(rollout.rolloutId, now, 'DaemonSetPatchRequested', {
    purpose,
    change: purpose === 'ApplyChange' ? rollout.spec.change : null,
    restoreRevisionHash: purpose === 'RestoreTemplate' ? rollout.originalRevisionHash : null,
    updateStrategy: purpose === 'RestoreStrategy' ? rollout.originalUpdateStrategy : { type: 'OnDelete' },
  });
}

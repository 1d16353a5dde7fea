import type { Rollout, RolloutOutcome } from './rollout.state.js';

/**
 * Whether ending with this outcome puts the original update strategy back. A finished forward or
 * backward pass does. An abort, rejection or incomplete rollback does only when the DaemonSet holds
 * (or is getting) the original template again: with the new template in place, restoring
 * RollingUpdate would let the controller replace every remaining pod without the saga's gates.
 */
export function restoresStrategy(rollout: Rollout, outcome: RolloutOutcome): boolean {
  switch (outcome) {
    case 'Succeeded':
    case 'RolledBack':
      return true;
    case 'Aborted':
    case 'Failed':
    case 'Rejected':
      return rollout.template === 'Restored' || rollout.template === 'RestoreRequested';
    default: {
      const unknown: never = outcome;
      throw new Error(`Unknown rollout outcome ${String(unknown)}`);
    }
  }
}

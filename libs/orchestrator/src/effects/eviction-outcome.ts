import type { RolloutObservation } from '#rollcall/domain';
import type { KubeFailure } from './kube-failure.js';

export type EvictionObservation = Extract<
  RolloutObservation,
  { type: 'PodEvicted' | 'EvictionBlockedByPdb' | 'EvictionFailed' }
>;

export interface EvictionTarget {
  readonly node: string;
  readonly podUid: string;
}

/** Null means "try the same effect again later": the API server could not be asked or failed transiently. */
export type EvictionOutcome = EvictionObservation | null;

const PDB_NAME = /disruption budget (\S+)/i;

/** Maps the Eviction API's answer to the saga's input, following the documented status codes. */
export function evictionOutcome(target: EvictionTarget, now: string, failure: KubeFailure | null): EvictionOutcome {
  const { node, podUid } = target;
  if (failure === null) return { type: 'PodEvicted', now, node, podUid };
  const failed = (reason: Extract<EvictionObservation, { type: 'EvictionFailed' }>['reason']): EvictionObservation => ({
    type: 'EvictionFailed',
    now,
    node,
    podUid,
    reason,
    message: failure.message,
  });
  switch (failure.status) {
    case 429: {
      const budget = failure.causes.find((cause) => cause.reason === 'DisruptionBudget');
      if (budget === undefined) return failed('RateLimited');
      const message = budget.message ?? failure.message;
      return { type: 'EvictionBlockedByPdb', now, node, podUid, pdb: PDB_NAME.exec(message)?.[1] ?? null, message };
    }
    case 404:
      return failed('PodNotFound');
    case 409:
      return failed('PreconditionFailed');
    case 500:
      return failure.message.includes('more than one PodDisruptionBudget') ? failed('MultiplePdbs') : null;
    case null:
      return null;
    default:
      return failure.status >= 500 ? null : failed('Refused');
  }
}

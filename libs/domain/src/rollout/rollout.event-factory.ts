import type { RolloutEventOf, RolloutEventType } from './rollout.events.js';

type EventData<T extends RolloutEventType> = Omit<RolloutEventOf<T>, 'type' | 'rolloutId' | 'at'>;

/** Builds an event stamped with the rollout id and the input's clock. */
export function eventOf<T extends RolloutEventType>(
  rolloutId: string,
  at: string,
  type: T,
  data: EventData<T>,
): RolloutEventOf<T> {
  return { type, rolloutId, at, ...data } as RolloutEventOf<T>;
}

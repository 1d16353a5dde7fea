import {
  decideAndEvolve,
  type RolloutEffect,
  type RolloutEvent,
  type RolloutInput,
  type RolloutState,
} from '#rollcall/domain';

export interface DecidedInOrder {
  readonly events: readonly RolloutEvent[];
  readonly effects: readonly RolloutEffect[];
  readonly stateAfter: RolloutState;
}

/**
 * Decides inputs one after another, each on the state the previous one left, as if each had its own
 * append; the result is one append's worth of events and effects. Rejected inputs change nothing.
 */
export function decideInOrder(inputs: readonly RolloutInput[], state: RolloutState): DecidedInOrder {
  const events: RolloutEvent[] = [];
  const effects: RolloutEffect[] = [];
  let current = state;
  for (const input of inputs) {
    const { decision, stateAfter } = decideAndEvolve(input, current);
    if ('rejected' in decision) continue;
    current = stateAfter;
    events.push(...decision.events);
    effects.push(...decision.effects);
  }
  return { events, effects, stateAfter: current };
}

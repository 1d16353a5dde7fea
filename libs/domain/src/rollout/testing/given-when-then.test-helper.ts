import { expect } from '@jest/globals';
import type { RolloutInput } from '../rollout.decider.js';
import { decide } from '../rollout.decider.js';
import type { Decision, IgnoreReason, RejectionReason } from '../rollout.decision.js';
import type { RolloutEffect } from '../rollout.effects.js';
import type { RolloutEvent } from '../rollout.events.js';
import { evolve } from '../rollout.evolve.js';
import type { RolloutState } from '../rollout.state.js';

type Partial<T> = { readonly [K in keyof T]?: unknown };
export type ExpectedEvent = { readonly type: RolloutEvent['type'] } & Partial<RolloutEvent>;
export type ExpectedEffect = { readonly type: RolloutEffect['type'] } & Partial<RolloutEffect>;

/** History as past inputs run through the real decider; each must be accepted. */
export function givenInputs(...inputs: readonly RolloutInput[]): Scenario {
  return new Scenario([], null).and(...inputs);
}

/** History as past events. */
export function given(events: readonly RolloutEvent[]): Scenario {
  return new Scenario(events, events.reduce<RolloutState>(evolve, null));
}

export class Scenario {
  constructor(
    readonly history: readonly RolloutEvent[],
    readonly state: RolloutState,
  ) {}

  when(input: RolloutInput): Outcome {
    return new Outcome(decide(input, this.state), this.state);
  }

  /** Continues the history with more accepted inputs. */
  and(...inputs: readonly RolloutInput[]): Scenario {
    return inputs.reduce<Scenario>((scenario, input) => {
      const decision = decide(input, scenario.state);
      if ('rejected' in decision) throw new Error(`history input ${input.type} was rejected: ${decision.rejected}`);
      return new Scenario([...scenario.history, ...decision.events], decision.events.reduce(evolve, scenario.state));
    }, this);
  }
}

export class Outcome {
  constructor(
    readonly decision: Decision,
    private readonly before: RolloutState,
  ) {}

  get events(): readonly RolloutEvent[] {
    return 'rejected' in this.decision ? [] : this.decision.events;
  }

  get effects(): readonly RolloutEffect[] {
    return 'rejected' in this.decision ? [] : this.decision.effects;
  }

  get state(): RolloutState {
    return this.events.reduce(evolve, this.before);
  }

  /** Exactly these events (each matched on the fields given), and these effects when listed. */
  then(expected: { events?: readonly ExpectedEvent[]; effects?: readonly ExpectedEffect[] }): this {
    expect(this.decision).not.toHaveProperty('rejected');
    if (expected.events) expect(this.events).toMatchObject(expected.events);
    if (expected.effects) expect(this.effects).toMatchObject(expected.effects);
    return this;
  }

  thenEventTypes(types: readonly RolloutEvent['type'][]): this {
    expect(this.decision).not.toHaveProperty('rejected');
    expect(this.events.map((event) => event.type)).toEqual(types);
    return this;
  }

  thenEffectTypes(types: readonly RolloutEffect['type'][]): this {
    expect(this.effects.map((effect) => effect.type)).toEqual(types);
    return this;
  }

  thenRejected(reason: RejectionReason): this {
    expect(this.decision).toMatchObject({ rejected: reason });
    return this;
  }

  thenIgnored(reason: IgnoreReason): this {
    expect(this.decision).toEqual({ events: [], effects: [], ignored: reason });
    return this;
  }
}

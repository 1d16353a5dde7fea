/** The orchestrator's only source of time, injected so that decisions get `now` from outside. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

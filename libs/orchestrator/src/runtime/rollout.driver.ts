import {
  decide,
  evolve,
  type Decision,
  type RejectionReason,
  type RolloutInput,
  type RolloutState,
} from '#rollcall/domain';
import type { Clock } from '../clock.js';
import { ConcurrencyConflict, RolloutError, RolloutErrorCode } from '../rollout.errors.js';
import { EMPTY_STREAM, type LoadedRollout, type RolloutEventStore } from '../store/rollout-event.store.js';
import { KeyedSerialiser } from './keyed-serialiser.js';

export type Decided = Extract<Decision, { events: unknown }>;

export type HandleOutcome =
  | { readonly kind: 'decided'; readonly state: RolloutState; readonly version: number; readonly decision: Decided }
  | {
      readonly kind: 'rejected';
      readonly state: RolloutState;
      readonly version: number;
      readonly reason: RejectionReason;
      readonly message: string;
    };

export interface HandleOptions {
  readonly completesEffect?: { readonly id: string; readonly outcome: unknown };
  readonly firesTimerId?: string;
  readonly idempotencyKey?: string;
}

/** Called after every append that recorded something, e.g. to run the effects it asked for. */
export type AppendListener = (rolloutId: string, decision: Decided) => void;

const MAX_ATTEMPTS = 8;

/**
 * The one path into the saga: load (cached state plus newer events), decide, append at the loaded
 * version; a concurrent append elsewhere makes it reload and decide again. Inputs of one rollout are
 * handled one at a time in this process.
 */
export class RolloutDriver {
  private readonly cache = new Map<string, LoadedRollout>();
  private readonly serialiser = new KeyedSerialiser();
  private readonly listeners: AppendListener[] = [];

  constructor(
    private readonly store: RolloutEventStore,
    private readonly clock: Clock,
  ) {}

  onAppend(listener: AppendListener): void {
    this.listeners.push(listener);
  }

  now(): string {
    return this.clock.now().toISOString();
  }

  load(rolloutId: string): Promise<LoadedRollout> {
    return this.serialiser.run(rolloutId, () => this.catchUp(rolloutId));
  }

  handle(rolloutId: string, input: RolloutInput, options: HandleOptions = {}): Promise<HandleOutcome> {
    return this.serialiser.run(rolloutId, () => this.handleNow(rolloutId, input, options));
  }

  forget(rolloutId: string): void {
    this.cache.delete(rolloutId);
  }

  private async handleNow(rolloutId: string, input: RolloutInput, options: HandleOptions): Promise<HandleOutcome> {
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.catchUp(rolloutId);
      const decision = decide(input, loaded.state);
      if ('rejected' in decision)
        return { kind: 'rejected', ...loaded, reason: decision.rejected, message: decision.message };
      const changes = decision.events.length > 0 || options.completesEffect || options.firesTimerId;
      if (!changes) return { kind: 'decided', ...loaded, decision };
      const stateAfter = decision.events.reduce<RolloutState>(evolve, loaded.state);
      try {
        const version = await this.store.append({
          rolloutId,
          expectedVersion: loaded.version,
          events: decision.events,
          effects: decision.effects,
          actor: 'actor' in input ? input.actor : null,
          recordedAt: this.now(),
          stateAfter,
          ...options,
        });
        this.cache.set(rolloutId, { state: stateAfter, version });
        for (const listener of this.listeners) listener(rolloutId, decision);
        return { kind: 'decided', state: stateAfter, version, decision };
      } catch (error) {
        if (!(error instanceof ConcurrencyConflict)) throw error;
        this.cache.delete(rolloutId);
        if (attempt >= MAX_ATTEMPTS)
          throw new RolloutError(RolloutErrorCode.ConcurrentUpdate, `Rollout ${rolloutId} keeps changing; try again.`);
      }
    }
  }

  private async catchUp(rolloutId: string): Promise<LoadedRollout> {
    const loaded = await this.store.load(rolloutId, this.cache.get(rolloutId) ?? EMPTY_STREAM);
    if (loaded.version > 0) this.cache.set(rolloutId, loaded);
    return loaded;
  }
}

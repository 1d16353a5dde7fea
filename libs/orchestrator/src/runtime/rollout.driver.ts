import {
  decideAndEvolve,
  decideInOrder,
  type Decision,
  type RejectionReason,
  type RolloutInput,
  type RolloutObservation,
  type RolloutState,
} from '#rollcall/domain';
import type { Clock } from '../clock.js';
import { ConcurrencyConflict, RolloutError, RolloutErrorCode } from '../rollout.errors.js';
import { EffectsAlreadyRecorded, type EffectResult } from '../store/effect-results.js';
import { EMPTY_STREAM, type LoadedRollout, type RolloutEventStore } from '../store/rollout-event.store.js';
import { CoalescedReads } from './coalesced-reads.js';
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
  readonly firesTimerId?: string;
  readonly idempotencyKey?: string;
}

/** An observation to record, with the effect whose result it is, if any. */
interface Recording {
  readonly observation: RolloutObservation;
  readonly result: EffectResult | undefined;
}

interface OpenBatch {
  readonly recordings: Recording[];
  readonly recorded: Promise<void>;
}

/** Called after every append that recorded something, e.g. to run the effects it asked for. */
export type AppendListener = (rolloutId: string, decision: Decided) => void;

const MAX_ATTEMPTS = 8;

/**
 * The one path into the saga: load (cached state plus newer events), decide, append at the loaded
 * version; a concurrent append elsewhere makes it reload and decide again. Inputs of one rollout are
 * handled one at a time in this process; observations that arrive meanwhile share the next append.
 */
export class RolloutDriver {
  private readonly cache = new Map<string, LoadedRollout>();
  private readonly serialiser = new KeyedSerialiser();
  private readonly listeners: AppendListener[] = [];
  private readonly openBatches = new Map<string, OpenBatch>();
  private readonly latestReads = new CoalescedReads((rolloutId) => this.readLatest(rolloutId));

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

  /**
   * The latest committed state, without waiting for the inputs this process has queued: for the
   * check just before a cluster call. Callers that ask together share one read.
   */
  latest(rolloutId: string): Promise<LoadedRollout> {
    return this.latestReads.get(rolloutId);
  }

  handle(rolloutId: string, input: RolloutInput, options: HandleOptions = {}): Promise<HandleOutcome> {
    return this.serialiser.run(rolloutId, () => this.handleNow(rolloutId, input, options));
  }

  /**
   * Records an observation (and the effect result it carries) in the next append of its rollout: all
   * recordings queued while an earlier input is handled are decided in order and appended together.
   */
  record(rolloutId: string, observation: RolloutObservation, result?: EffectResult): Promise<void> {
    const open = this.openBatches.get(rolloutId);
    if (open !== undefined) {
      open.recordings.push({ observation, result });
      return open.recorded;
    }
    const recordings: Recording[] = [{ observation, result }];
    const recorded = this.serialiser.run(rolloutId, () => {
      this.openBatches.delete(rolloutId);
      return this.recordNow(rolloutId, recordings);
    });
    this.openBatches.set(rolloutId, { recordings, recorded });
    return recorded;
  }

  forget(rolloutId: string): void {
    this.cache.delete(rolloutId);
  }

  private async handleNow(rolloutId: string, input: RolloutInput, options: HandleOptions): Promise<HandleOutcome> {
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.catchUp(rolloutId);
      const { decision, stateAfter } = decideAndEvolve(input, loaded.state);
      if ('rejected' in decision)
        return { kind: 'rejected', ...loaded, reason: decision.rejected, message: decision.message };
      if (decision.events.length === 0 && options.firesTimerId === undefined)
        return { kind: 'decided', ...loaded, decision };
      const actor = 'actor' in input ? input.actor : null;
      try {
        const version = await this.append(rolloutId, loaded, decision, stateAfter, { ...options, actor });
        return { kind: 'decided', state: stateAfter, version, decision };
      } catch (error) {
        this.retryOnConflict(error, rolloutId, attempt);
      }
    }
  }

  private async recordNow(rolloutId: string, recordings: readonly Recording[]): Promise<void> {
    let pending = recordings;
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.catchUp(rolloutId);
      const { events, effects, stateAfter } = decideInOrder(
        pending.map((recording) => recording.observation),
        loaded.state,
      );
      const completesEffects = pending.flatMap((recording) => (recording.result ? [recording.result] : []));
      if (events.length === 0 && completesEffects.length === 0) return;
      try {
        await this.append(rolloutId, loaded, { events, effects }, stateAfter, { actor: null, completesEffects });
        return;
      } catch (error) {
        if (!(error instanceof EffectsAlreadyRecorded)) this.retryOnConflict(error, rolloutId, attempt);
        else {
          // Results someone else recorded are dropped with the observations they carried; the rest go on.
          const recorded = new Set(error.effectIds);
          pending = pending.filter((recording) => recording.result === undefined || !recorded.has(recording.result.id));
        }
      }
    }
  }

  private async append(
    rolloutId: string,
    loaded: LoadedRollout,
    decision: Decided,
    stateAfter: RolloutState,
    extra: Pick<Parameters<RolloutEventStore['append']>[0], 'actor' | 'completesEffects' | keyof HandleOptions>,
  ): Promise<number> {
    const version = await this.store.append({
      rolloutId,
      expectedVersion: loaded.version,
      events: decision.events,
      effects: decision.effects,
      recordedAt: this.now(),
      stateAfter,
      ...extra,
    });
    this.cache.set(rolloutId, { state: stateAfter, version });
    for (const listener of this.listeners) listener(rolloutId, decision);
    return version;
  }

  private retryOnConflict(error: unknown, rolloutId: string, attempt: number): void {
    if (!(error instanceof ConcurrencyConflict)) throw error;
    this.cache.delete(rolloutId);
    if (attempt >= MAX_ATTEMPTS)
      throw new RolloutError(RolloutErrorCode.ConcurrentUpdate, `Rollout ${rolloutId} keeps changing; try again.`);
  }

  private async readLatest(rolloutId: string): Promise<LoadedRollout> {
    const loaded = await this.store.load(rolloutId, this.cache.get(rolloutId) ?? EMPTY_STREAM);
    // An append that finished meanwhile may have cached a newer state already.
    if (loaded.version > (this.cache.get(rolloutId)?.version ?? 0)) this.cache.set(rolloutId, loaded);
    return loaded;
  }

  private async catchUp(rolloutId: string): Promise<LoadedRollout> {
    const loaded = await this.store.load(rolloutId, this.cache.get(rolloutId) ?? EMPTY_STREAM);
    if (loaded.version > 0) this.cache.set(rolloutId, loaded);
    return loaded;
  }
}

import { AlreadyRecorded } from '../rollout.errors.js';

/** The result of one cluster effect, recorded with the events it caused. */
export interface EffectResult {
  readonly id: string;
  readonly outcome: unknown;
}

/** Some results of a multi-effect append were recorded before (by a redelivery or another process). */
export class EffectsAlreadyRecorded extends AlreadyRecorded {
  constructor(readonly effectIds: readonly string[]) {
    super(`Effects ${effectIds.join(', ')}`);
    this.name = 'EffectsAlreadyRecorded';
  }
}

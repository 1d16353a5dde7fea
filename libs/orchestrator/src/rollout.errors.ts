import type { RejectionReason, SpecProblem } from '#rollcall/domain';

/** Every way a rollout request can fail, named once; the HTTP layer maps each code to a problem type. */
export enum RolloutErrorCode {
  InvalidSpec = 'InvalidSpec',
  DaemonSetNotFound = 'DaemonSetNotFound',
  ActiveRolloutExists = 'ActiveRolloutExists',
  RolloutNotFound = 'RolloutNotFound',
  CommandRejected = 'CommandRejected',
  InvalidCursor = 'InvalidCursor',
  ConcurrentUpdate = 'ConcurrentUpdate',
}

export class RolloutError extends Error {
  constructor(
    readonly code: RolloutErrorCode,
    message: string,
    /** Field problems of an InvalidSpec. */
    readonly problems: readonly SpecProblem[] = [],
    /** The decider's named reason of a CommandRejected. */
    readonly reason: RejectionReason | null = null,
  ) {
    super(message);
    this.name = 'RolloutError';
  }

  static invalidSpec(problems: readonly SpecProblem[]): RolloutError {
    return new RolloutError(RolloutErrorCode.InvalidSpec, 'The rollout request is not valid.', problems);
  }

  static daemonSetNotFound(namespace: string, name: string): RolloutError {
    return new RolloutError(RolloutErrorCode.DaemonSetNotFound, `DaemonSet ${namespace}/${name} does not exist.`);
  }

  static activeRolloutExists(namespace: string, name: string): RolloutError {
    return new RolloutError(
      RolloutErrorCode.ActiveRolloutExists,
      `DaemonSet ${namespace}/${name} already has an active rollout.`,
    );
  }

  static notFound(id: string): RolloutError {
    return new RolloutError(RolloutErrorCode.RolloutNotFound, `Rollout ${id} does not exist.`);
  }

  static rejected(reason: RejectionReason, message: string): RolloutError {
    return new RolloutError(RolloutErrorCode.CommandRejected, message, [], reason);
  }
}

/** Another writer appended to the stream first: reload and decide again. */
export class ConcurrencyConflict extends Error {
  constructor(
    readonly rolloutId: string,
    readonly expectedVersion: number,
  ) {
    super(`Rollout ${rolloutId} moved past version ${expectedVersion}`);
    this.name = 'ConcurrencyConflict';
  }
}

/** The effect result or timer firing was already recorded (by a redelivery or another process). */
export class AlreadyRecorded extends Error {
  constructor(what: string) {
    super(`${what} was already recorded`);
    this.name = 'AlreadyRecorded';
  }
}

/** Another rollout was already created by this actor with this Idempotency-Key. */
export class IdempotencyKeyTaken extends Error {
  constructor(readonly key: string) {
    super(`Idempotency key ${key} was already used`);
    this.name = 'IdempotencyKeyTaken';
  }
}

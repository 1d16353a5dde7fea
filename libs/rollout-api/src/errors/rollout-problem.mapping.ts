import { HttpConventionException, HttpExceptionCode } from '#rollcall/http';
import { RolloutError, RolloutErrorCode } from '#rollcall/orchestrator';
import { RolloutApiException, RolloutApiExceptionCode } from './rollout-api.exception.js';

/** Turns an orchestrator error into the problem the API answers; anything else passes through unchanged. */
export function toRolloutProblem(error: unknown): unknown {
  if (!(error instanceof RolloutError)) return error;
  switch (error.code) {
    case RolloutErrorCode.InvalidSpec:
      // The same problem type as every other validation failure, with the spec's own field paths.
      return new HttpConventionException(
        HttpExceptionCode.ValidationFailed,
        `The rollout request has invalid fields: ${[...new Set(error.problems.map((p) => p.field))].join(', ')}.`,
        error.problems.map(({ field, reason }) => ({ field: field === '' ? '(root)' : field, reason })),
      );
    case RolloutErrorCode.InvalidCursor:
      return new HttpConventionException(HttpExceptionCode.InvalidCursor, error.message, [
        { field: 'cursor', reason: 'not a cursor of this listing' },
      ]);
    case RolloutErrorCode.DaemonSetNotFound:
      return RolloutApiException.of(RolloutApiExceptionCode.DaemonSetNotFound, error.message);
    case RolloutErrorCode.ActiveRolloutExists:
      return RolloutApiException.of(RolloutApiExceptionCode.ActiveRolloutExists, error.message);
    case RolloutErrorCode.RolloutNotFound:
      return RolloutApiException.of(RolloutApiExceptionCode.RolloutNotFound, error.message);
    case RolloutErrorCode.ConcurrentUpdate:
      return RolloutApiException.of(RolloutApiExceptionCode.ConcurrentUpdate, error.message);
    case RolloutErrorCode.CommandRejected:
      return error.reason === null ? error : RolloutApiException.rejected(error.reason, error.message);
    default: {
      const unmapped: never = error.code;
      return unmapped;
    }
  }
}

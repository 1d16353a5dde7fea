import type { FieldError } from './problem/problem-details.js';
import { ProblemException, type ProblemSpec } from './problem/problem.exception.js';

export enum HttpExceptionCode {
  ValidationFailed = 'validation-failed',
  InvalidCursor = 'invalid-cursor',
  IdempotencyKeyReused = 'idempotency-key-reused',
  IdempotencyKeyInProgress = 'idempotency-key-in-progress',
  InvalidIdempotencyKey = 'invalid-idempotency-key',
}

const SPECS: Readonly<Record<HttpExceptionCode, ProblemSpec>> = {
  [HttpExceptionCode.ValidationFailed]: { status: 422, title: 'The request is not valid' },
  [HttpExceptionCode.InvalidCursor]: { status: 422, title: 'The cursor is not valid' },
  [HttpExceptionCode.IdempotencyKeyReused]: {
    status: 422,
    title: 'The Idempotency-Key was already used for a different request',
  },
  [HttpExceptionCode.IdempotencyKeyInProgress]: {
    status: 409,
    title: 'A request with this Idempotency-Key is still being handled',
  },
  [HttpExceptionCode.InvalidIdempotencyKey]: { status: 422, title: 'The Idempotency-Key header is not valid' },
};

/** Errors of the HTTP conventions themselves: validation, cursors, idempotency keys. */
export class HttpConventionException extends ProblemException<HttpExceptionCode> {
  constructor(code: HttpExceptionCode, detail: string, errors?: readonly FieldError[]) {
    super(code, SPECS[code], detail, errors);
  }
}

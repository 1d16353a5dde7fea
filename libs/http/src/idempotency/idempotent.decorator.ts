import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiProblemResponses } from '../openapi/api-problem-responses.decorator.js';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';

/** Marks a POST command as safe to retry with an `Idempotency-Key` header. */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Retrying with the same key and body within 24 hours replays the first response; the same key with another body is refused (422). ' +
        'While the first request is still handled a retry gets 409; a first request left unanswered for 2 minutes (its process stopped) is taken over by the retry.',
    }),
    ApiProblemResponses(409, 422),
  );
}

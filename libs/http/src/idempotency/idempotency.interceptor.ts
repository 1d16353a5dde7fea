import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import { HttpConventionException, HttpExceptionCode } from '../http.exception.js';
import type { ActorScopedRequest } from './actor-scoped-request.js';
import { IdempotencyKeyStore, type IdempotencyClaim } from './idempotency-key.store.js';
import { requestFingerprint } from './request-fingerprint.js';
import { openResponse, sealResponse } from './response-seal.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Replays the first response of a command retried with the same `Idempotency-Key`. */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(IdempotencyKeyStore) private readonly store: IdempotencyKeyStore) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest & ActorScopedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = request.headers['idempotency-key'];
    if (key === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new HttpConventionException(
        HttpExceptionCode.InvalidIdempotencyKey,
        'The Idempotency-Key header must be 1 to 255 visible ASCII characters, sent once.',
      );
    }
    const credentials = request.headers.authorization ?? '';
    const claim: IdempotencyClaim = {
      actor: request.actor?.tokenId ?? 'anonymous',
      key,
      route: `${request.method} ${request.routeOptions.url ?? request.url}`,
      requestHash: requestFingerprint(request.method, request.url, request.body),
    };
    const outcome = await this.store.claim(claim);
    switch (outcome.kind) {
      case 'replay':
        void reply.header('idempotent-replayed', 'true');
        return of(openResponse(outcome.sealed, credentials, key));
      case 'different-request':
        throw new HttpConventionException(
          HttpExceptionCode.IdempotencyKeyReused,
          `The Idempotency-Key "${key}" was first used with a different request; use a new key for a new request.`,
        );
      case 'in-progress':
        throw new HttpConventionException(
          HttpExceptionCode.IdempotencyKeyInProgress,
          `The first request with Idempotency-Key "${key}" is still being handled; retry later.`,
        );
      case 'claimed':
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            await this.store.complete(outcome.held, reply.statusCode, sealResponse(body, credentials, key));
            return body;
          }),
          catchError((error: unknown) =>
            from(this.store.release(outcome.held)).pipe(mergeMap(() => throwError(() => error))),
          ),
        );
      default: {
        const unreachable: never = outcome;
        return unreachable;
      }
    }
  }
}

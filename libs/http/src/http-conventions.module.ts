import { Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { IdempotencyKeyStore } from './idempotency/idempotency-key.store.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { ProblemDetailsFilter } from './problem/problem-details.filter.js';

/** Problem details for every error of the app, and idempotency keys for the commands that ask for them. */
@Global()
@Module({
  providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }, IdempotencyKeyStore, IdempotencyInterceptor],
  exports: [IdempotencyKeyStore, IdempotencyInterceptor],
})
export class HttpConventionsModule {}

import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import { toRolloutProblem } from './rollout-problem.mapping.js';

/** Lets the global problem details filter answer the orchestrator's errors with their own status and code. */
@Injectable()
export class RolloutErrorsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => toRolloutProblem(error))));
  }
}

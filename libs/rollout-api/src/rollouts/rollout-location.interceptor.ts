import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';

/** Points `Location` at the created rollout; it sits outside the idempotency replay so replays carry it too. */
@Injectable()
export class RolloutLocationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const id = (body as { id?: unknown } | null)?.id;
        if (typeof id === 'string') void reply.header('location', `/v1/rollouts/${encodeURIComponent(id)}`);
        return body;
      }),
    );
  }
}

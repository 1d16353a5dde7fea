import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '../actor.js';
import type { AuthenticatedRequest } from './bearer-auth.guard.js';

/** The actor the bearer guard authenticated; use it only on routes behind `@Roles(...)`. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (actor === undefined) throw new Error('@CurrentActor() used on a route without @Roles(...)');
  return actor;
});

import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../actor.js';
import { AuthException, AuthExceptionCode } from '../auth.exception.js';
import type { ApiRole } from '../roles/api-role.js';
import { mayAct } from '../roles/permission-matrix.js';
import { TokenAuthenticator } from './token-authenticator.js';

export const ALLOWED_ROLES = Symbol('AllowedRoles');

export type AuthenticatedRequest = FastifyRequest & { actor?: Actor };

/** Authenticates the bearer token (401) and checks its roles against the route's `@Roles` (403). */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    @Inject(TokenAuthenticator) private readonly authenticator: TokenAuthenticator,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const actor = await this.authenticator.authenticate(request.headers.authorization);
    const allowed =
      this.reflector.getAllAndOverride<readonly ApiRole[]>(ALLOWED_ROLES, [context.getHandler(), context.getClass()]) ??
      [];
    if (!mayAct(actor.roles, allowed)) {
      throw new AuthException(
        AuthExceptionCode.Forbidden,
        `This needs one of the roles ${allowed.join(', ')}; the token "${actor.name}" has ${actor.roles.join(', ')}.`,
      );
    }
    request.actor = actor;
    return true;
  }
}

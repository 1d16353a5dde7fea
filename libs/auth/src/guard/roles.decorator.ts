import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiProblemResponses, BEARER_SCHEME } from '#rollcall/http';
import type { ApiRole } from '../roles/api-role.js';
import { ALLOWED_ROLES, BearerAuthGuard } from './bearer-auth.guard.js';

/**
 * Requires a bearer token whose roles grant one of `roles` (none: any valid token), and documents
 * the bearer scheme with its 401 and 403 problems.
 */
export function Roles(...roles: ApiRole[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ALLOWED_ROLES, roles),
    UseGuards(BearerAuthGuard),
    ApiBearerAuth(BEARER_SCHEME),
    ApiProblemResponses(401, 403),
  );
}

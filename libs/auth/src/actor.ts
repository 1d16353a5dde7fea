import type { ApiRole } from './roles/api-role.js';

/** Who is calling: the token that authenticated the request, its name and its roles. */
export interface Actor {
  readonly tokenId: string;
  readonly name: string;
  readonly roles: readonly ApiRole[];
}

import type { ApiRole } from '../roles/api-role.js';

/** A token as the API shows it: never its secret nor its digest. */
export interface ApiTokenView {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly ApiRole[];
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

export interface ApiTokenRow {
  readonly id: string;
  readonly name: string;
  readonly roles: ApiRole[];
  readonly created_at: Date;
  readonly created_by: string;
  readonly revoked_at: Date | null;
  readonly last_used_at: Date | null;
}

export function toTokenView(row: ApiTokenRow): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    roles: row.roles,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

export const API_ROLES = ['viewer', 'auditor', 'operator', 'approver', 'admin'] as const;

export type ApiRole = (typeof API_ROLES)[number];

export function isApiRole(value: string): value is ApiRole {
  return (API_ROLES as readonly string[]).includes(value);
}

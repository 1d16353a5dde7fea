import { API_ROLES, type ApiRole } from './api-role.js';

/**
 * The roles each role implies. Reading state is the floor of every role; an admin may do
 * everything. Operators run rollouts and approvers approve them, but neither implies the other,
 * so that the four-eyes rule of approvals holds by role as well as by person.
 *
 * | role     | read state | history, exports | request/run rollouts | approve | tokens |
 * |----------|------------|------------------|----------------------|---------|--------|
 * | viewer   | yes        |                  |                      |         |        |
 * | auditor  | yes        | yes              |                      |         |        |
 * | operator | yes        |                  | yes                  |         |        |
 * | approver | yes        |                  |                      | yes     |        |
 * | admin    | yes        | yes              | yes                  | yes     | yes    |
 */
const IMPLIES: Readonly<Record<ApiRole, readonly ApiRole[]>> = {
  viewer: [],
  auditor: ['viewer'],
  operator: ['viewer'],
  approver: ['viewer'],
  admin: ['viewer', 'auditor', 'operator', 'approver'],
};

/** Every role the given roles grant, the implied ones included. */
export function effectiveRoles(held: readonly ApiRole[]): ReadonlySet<ApiRole> {
  return new Set(held.flatMap((role) => [role, ...IMPLIES[role]]));
}

/** Whether roles held may call a route open to any of `allowed`; a route with no roles needs only a valid token. */
export function mayAct(held: readonly ApiRole[], allowed: readonly ApiRole[]): boolean {
  if (allowed.length === 0) return true;
  const granted = effectiveRoles(held);
  return allowed.some((role) => granted.has(role));
}

/** The matrix as data, for documentation and tests: each role and every role it grants. */
export function permissionMatrix(): ReadonlyMap<ApiRole, ReadonlySet<ApiRole>> {
  return new Map(API_ROLES.map((role) => [role, effectiveRoles([role])]));
}

/** The roles a Rollcall process can run; the all-in-one process runs them all. */
export const ROLLCALL_ROLES = ['api', 'watcher', 'projector', 'orchestrator'] as const;

export type RollcallRole = (typeof ROLLCALL_ROLES)[number];

export function isRollcallRole(name: string): name is RollcallRole {
  return (ROLLCALL_ROLES as readonly string[]).includes(name);
}

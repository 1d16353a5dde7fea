import type { Type } from '@nestjs/common';
import type { RollcallRole } from '#rollcall/config';

/**
 * Each role's module, loaded only by a process that runs the role: a watcher process then carries
 * neither the API (Swagger), the projector nor the orchestrator in its memory.
 */
export const ROLE_MODULES: Readonly<Record<RollcallRole, () => Promise<Type>>> = {
  api: async () => (await import('./api.role.module.js')).ApiRoleModule,
  watcher: async () => (await import('./watcher.role.module.js')).WatcherRoleModule,
  projector: async () => (await import('./projector.role.module.js')).ProjectorRoleModule,
  orchestrator: async () => (await import('./orchestrator.role.module.js')).OrchestratorRoleModule,
};

/** Every role but the watcher keeps state in PostgreSQL; the watcher only reads Kubernetes and writes Kafka. */
export const rolesNeedPostgres = (roles: readonly RollcallRole[]): boolean => roles.some((role) => role !== 'watcher');

import type { Type } from '@nestjs/common';
import type { RollcallRole } from '#rollcall/config';
import { ApiRoleModule } from './api.role.module.js';
import { OrchestratorRoleModule } from './orchestrator.role.module.js';
import { ProjectorRoleModule } from './projector.role.module.js';
import { WatcherRoleModule } from './watcher.role.module.js';

export const ROLE_MODULES: Readonly<Record<RollcallRole, Type>> = {
  api: ApiRoleModule,
  watcher: WatcherRoleModule,
  projector: ProjectorRoleModule,
  orchestrator: OrchestratorRoleModule,
};

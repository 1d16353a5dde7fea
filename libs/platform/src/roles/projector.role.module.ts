import { Module } from '@nestjs/common';
import { API_ACTIONS_TOPIC } from '#rollcall/auth';
import { CLUSTER_TOPIC } from '#rollcall/domain';
import { ROLLOUT_TOPIC } from '#rollcall/orchestrator';
import { ProjectorModule } from '#rollcall/projector';

/** The projector role: cluster observations, rollout events and API actions all land in the hash-chained history. */
@Module({ imports: [ProjectorModule.register({ topics: [CLUSTER_TOPIC, ROLLOUT_TOPIC, API_ACTIONS_TOPIC] })] })
export class ProjectorRoleModule {}

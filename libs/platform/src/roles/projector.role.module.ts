import { Module } from '@nestjs/common';
import { CLUSTER_TOPIC } from '#rollcall/domain';
import { ROLLOUT_TOPIC } from '#rollcall/orchestrator';
import { ProjectorModule } from '#rollcall/projector';

/** The projector role: cluster observations and rollout events both land in the hash-chained history. */
@Module({ imports: [ProjectorModule.register({ topics: [CLUSTER_TOPIC, ROLLOUT_TOPIC] })] })
export class ProjectorRoleModule {}

import { Module } from '@nestjs/common';
import { ProjectorModule } from '#rollcall/projector';

/** The projector role; the projection modules join it through `imports`, in its own process and in the all-in-one alike. */
@Module({ imports: [ProjectorModule.register()] })
export class ProjectorRoleModule {}

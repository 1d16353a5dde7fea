import { Module } from '@nestjs/common';

/** The projector role; the projection modules join it through `imports`, in its own process and in the all-in-one alike. */
@Module({})
export class ProjectorRoleModule {}

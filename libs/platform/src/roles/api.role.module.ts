import { Module } from '@nestjs/common';

/** The api role; REST, ChatOps and dashboard modules join it through `imports`, in its own process and in the all-in-one alike. */
@Module({})
export class ApiRoleModule {}

import { Module } from '@nestjs/common';
import { AuthModule } from '#rollcall/auth';
import { HttpConventionsModule } from '#rollcall/http';

/** The api role; REST, ChatOps and dashboard modules join it through `imports`, in its own process and in the all-in-one alike. */
@Module({ imports: [HttpConventionsModule, AuthModule.forRoot()] })
export class ApiRoleModule {}

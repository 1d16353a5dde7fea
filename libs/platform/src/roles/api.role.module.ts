import { Module } from '@nestjs/common';
import { AuditApiModule } from '#rollcall/audit-api';
import { AuthModule } from '#rollcall/auth';
import { HttpConventionsModule } from '#rollcall/http';
import { OutboxRelayModule } from '#rollcall/outbox';
import { RolloutApiModule } from '#rollcall/rollout-api';

/** The api role; REST, ChatOps and dashboard modules join it through `imports`, in its own process and in the all-in-one alike. */
@Module({
  imports: [HttpConventionsModule, AuthModule.forRoot(), AuditApiModule, RolloutApiModule.forRoot(), OutboxRelayModule],
})
export class ApiRoleModule {}

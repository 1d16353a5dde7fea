import { Module } from '@nestjs/common';
import { OrchestratorModule } from '#rollcall/orchestrator';

/** The orchestrator role; the rollout saga modules join it through `imports`, in its own process and in the all-in-one alike. */
@Module({ imports: [OrchestratorModule.forRoot()] })
export class OrchestratorRoleModule {}

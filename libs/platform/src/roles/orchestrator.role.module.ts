import { Module } from '@nestjs/common';

/** The orchestrator role; the rollout saga modules join it through `imports`, in its own process and in the all-in-one alike. */
@Module({})
export class OrchestratorRoleModule {}

import { Module, type DynamicModule } from '@nestjs/common';
import { OrchestratorModule, type OrchestratorSettings } from '#rollcall/orchestrator';
import { RolloutCommandsController } from './commands/rollout-commands.controller.js';
import { RolloutErrorsInterceptor } from './errors/rollout-errors.interceptor.js';
import { RolloutLocationInterceptor } from './rollouts/rollout-location.interceptor.js';
import { RolloutsController } from './rollouts/rollouts.controller.js';

export interface RolloutApiOptions {
  /** Passed to the orchestrator whose RolloutService the routes call (tests shorten its loops). */
  readonly orchestrator?: Partial<OrchestratorSettings>;
  /**
   * Also run the saga runtime here. Off by default: the orchestrator role drives rollouts (in the
   * all-in-one as well), so the api role only appends commands.
   */
  readonly drivesRollouts?: boolean;
}

/**
 * The rollouts REST API: plan, start, list, read and command rollouts under /v1/rollouts. Needs the
 * global AuthModule and HttpConventionsModule, PG_POOL, EVENT_BUS, ROOT_LOGGER and ROLLCALL_CONFIG.
 */
@Module({})
export class RolloutApiModule {
  static forRoot(options: RolloutApiOptions = {}): DynamicModule {
    return {
      module: RolloutApiModule,
      imports: [
        options.drivesRollouts === true
          ? OrchestratorModule.forRoot(options.orchestrator)
          : OrchestratorModule.forService(options.orchestrator),
      ],
      controllers: [RolloutsController, RolloutCommandsController],
      providers: [RolloutErrorsInterceptor, RolloutLocationInterceptor],
    };
  }
}

import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ROLLCALL_CONFIG, type RollcallConfig } from '#rollcall/config';
import { loadKubeConfig } from '#rollcall/kube';
import { EVENT_BUS, type EventBus } from '#rollcall/messaging';
import { ROOT_LOGGER } from '#rollcall/observability';
import { PG_POOL } from '#rollcall/postgres';
import type { Logger } from 'pino';
import type pg from 'pg';
import { createOrchestrator, type Orchestrator } from './orchestrator.factory.js';
import type { OrchestratorSettings } from './orchestrator.settings.js';
import { OrchestratorRuntime } from './runtime/orchestrator.runtime.js';
import { RolloutService } from './service/rollout.service.js';

const ORCHESTRATOR = Symbol('Orchestrator');
const RUNS_RUNTIME = Symbol('RunsOrchestratorRuntime');

/**
 * Runs the rollout saga runtime (leases, effects, timers, outbox) and exports RolloutService for
 * the REST layer. The runtime stops before the pool and the bus close.
 */
@Module({})
export class OrchestratorModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(OrchestratorRuntime) private readonly runtime: OrchestratorRuntime,
    @Inject(RUNS_RUNTIME) private readonly runsRuntime: boolean,
  ) {}

  /** The saga runtime plus RolloutService: the orchestrator role. */
  static forRoot(settings: Partial<OrchestratorSettings> = {}): DynamicModule {
    return OrchestratorModule.build(settings, true);
  }

  /**
   * RolloutService alone, for the api role: commands are appended to the saga store and the
   * orchestrator role, in this process or another, drives them.
   */
  static forService(settings: Partial<OrchestratorSettings> = {}): DynamicModule {
    return OrchestratorModule.build(settings, false);
  }

  private static build(settings: Partial<OrchestratorSettings>, runsRuntime: boolean): DynamicModule {
    return {
      module: OrchestratorModule,
      providers: [
        {
          provide: ORCHESTRATOR,
          inject: [ROLLCALL_CONFIG, PG_POOL, EVENT_BUS, ROOT_LOGGER],
          useFactory: (config: RollcallConfig, pool: pg.Pool, bus: EventBus, logger: Logger): Orchestrator =>
            createOrchestrator({
              pool,
              bus,
              logger,
              kubeConfig: loadKubeConfig({ kubeconfigPath: config.kubeconfig }),
              settings,
            }),
        },
        { provide: RolloutService, inject: [ORCHESTRATOR], useFactory: (o: Orchestrator) => o.service },
        { provide: OrchestratorRuntime, inject: [ORCHESTRATOR], useFactory: (o: Orchestrator) => o.runtime },
        { provide: RUNS_RUNTIME, useValue: runsRuntime },
      ],
      exports: [RolloutService],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.runsRuntime) await this.runtime.start();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.runsRuntime) await this.runtime.stop();
  }
}

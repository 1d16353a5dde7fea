import { Global, Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { HealthController } from './health/health.controller.js';
import { ReadinessRegistry } from './health/readiness.registry.js';
import { ROOT_LOGGER } from './logging/root-logger.js';
import { instrumentHttp } from './metrics/http-metrics.hook.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { RollcallMetrics } from './metrics/rollcall-metrics.js';

export interface ObservabilityOptions {
  readonly logger: Logger;
  readonly service: string;
}

/** /healthz, /readyz and /metrics, the root logger and the readiness registry, for any app. */
@Global()
@Module({})
export class ObservabilityModule implements OnModuleInit {
  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(RollcallMetrics) private readonly metrics: RollcallMetrics,
  ) {}

  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: ROOT_LOGGER, useValue: options.logger },
        { provide: RollcallMetrics, useValue: new RollcallMetrics(options.service) },
        { provide: ReadinessRegistry, useValue: new ReadinessRegistry() },
      ],
      exports: [ROOT_LOGGER, RollcallMetrics, ReadinessRegistry],
    };
  }

  onModuleInit(): void {
    instrumentHttp(this.adapterHost.httpAdapter.getInstance<FastifyInstance>(), this.metrics);
  }
}

import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CLUSTER_TOPIC } from '#rollcall/domain';
import { EVENT_BUS, type EventBus } from '#rollcall/messaging';
import { RollcallMetrics } from '#rollcall/observability';
import { PG_POOL } from '#rollcall/postgres';
import type { Pool } from 'pg';
import { ProjectorMetrics } from './projector.metrics.js';
import { Projector } from './projector.js';

export interface ProjectorModuleOptions {
  /** Consumer group; every projector replica uses the same one and Kafka splits the partitions. */
  readonly groupId?: string;
  readonly topics?: readonly string[];
  readonly topicPartitions?: number;
}

export const DEFAULT_PROJECTOR_GROUP = 'rollcall-projector';

/** Runs the Projector over the application's EVENT_BUS and PG_POOL; starts once the app is up. */
@Module({})
export class ProjectorModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(Projector) private readonly projector: Projector) {}

  static register(options: ProjectorModuleOptions = {}): DynamicModule {
    return {
      module: ProjectorModule,
      providers: [
        {
          provide: Projector,
          inject: [PG_POOL, EVENT_BUS, RollcallMetrics],
          useFactory: (pool: Pool, bus: EventBus, metrics: RollcallMetrics) =>
            new Projector({
              pool,
              bus,
              metrics: new ProjectorMetrics(metrics.registry),
              groupId: options.groupId ?? DEFAULT_PROJECTOR_GROUP,
              topics: options.topics ?? [CLUSTER_TOPIC],
              topicPartitions: options.topicPartitions,
            }),
        },
      ],
      exports: [Projector],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.projector.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.projector.stop();
  }
}

import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, type RollcallConfig, type RollcallRole } from '#rollcall/config';
import { ObservabilityModule } from '#rollcall/observability';
import type { Logger } from 'pino';
import { EventBusModule } from './event-bus.module.js';
import { rolesNeedPostgres } from './roles/role-modules.js';

export interface PlatformOptions {
  readonly config: RollcallConfig;
  readonly logger: Logger;
  /** Names the process in logs, metrics and PostgreSQL's application_name. */
  readonly service: string;
  readonly migrateOnStart: boolean;
  readonly roles: readonly RollcallRole[];
}

/** What every role stands on: configuration, logs, metrics, health, the event bus and (but for a lone watcher) PostgreSQL. */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const { config, logger, service } = options;
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(config),
        ObservabilityModule.forRoot({ logger, service }),
        ...(rolesNeedPostgres(options.roles)
          ? [
              // Loaded only here: pg, the embedded server and the migration runner stay out of a watcher's memory.
              import('#rollcall/postgres').then(({ PostgresModule }) =>
                PostgresModule.forRoot({
                  databaseUrl: config.databaseUrl,
                  dataDir: config.dataDir,
                  applicationName: `rollcall-${service}`,
                  migrateOnStart: options.migrateOnStart,
                }),
              ),
            ]
          : []),
        EventBusModule.forRoot(config.kafka),
      ],
    };
  }
}

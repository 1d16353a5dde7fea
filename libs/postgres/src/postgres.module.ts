import { Inject, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ReadinessRegistry, ROOT_LOGGER } from '#rollcall/observability';
import type { Logger } from 'pino';
import { PostgresConnection, type PostgresConnectionOptions } from './postgres-connection.js';
import { PG_POOL } from './postgres-pool.js';

export type PostgresModuleOptions = Omit<PostgresConnectionOptions, 'logger'>;

/** Provides the pg Pool (`PG_POOL`), reports PostgreSQL to /readyz and closes the pool on shutdown. */
@Module({})
export class PostgresModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(PostgresConnection) private readonly connection: PostgresConnection,
    @Inject(ReadinessRegistry) private readonly readiness: ReadinessRegistry,
  ) {}

  static forRoot(options: PostgresModuleOptions): DynamicModule {
    return {
      module: PostgresModule,
      global: true,
      providers: [
        {
          provide: PostgresConnection,
          inject: [ROOT_LOGGER],
          useFactory: (logger: Logger) => PostgresConnection.open({ ...options, logger }),
        },
        {
          provide: PG_POOL,
          inject: [PostgresConnection],
          useFactory: (connection: PostgresConnection) => connection.pool,
        },
      ],
      exports: [PG_POOL, PostgresConnection],
    };
  }

  onModuleInit(): void {
    this.readiness.register('postgres', () => this.connection.ping());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

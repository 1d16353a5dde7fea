import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RollcallConfig, RollcallRole } from '#rollcall/config';
import { PinoNestLogger } from '#rollcall/observability';
import type { Logger } from 'pino';
import { ROLE_MODULES } from './roles/role-modules.js';
import { PlatformModule } from './platform.module.js';

export interface RollcallAppOptions {
  readonly config: RollcallConfig;
  readonly logger: Logger;
  readonly service: string;
  readonly roles: readonly RollcallRole[];
  /** The api role and the all-in-one own the schema; the other roles wait for it. */
  readonly migrateOnStart: boolean;
  /** Modules this process adds beside the roles (the all-in-one's simulated cluster). */
  readonly extraModules?: readonly DynamicModule[];
}

@Module({})
class RollcallAppModule {}

/** One Nest app on Fastify: the platform plus the modules of the roles this process runs. */
export async function createRollcallApp(options: RollcallAppOptions): Promise<NestFastifyApplication> {
  const roleModules = await Promise.all(options.roles.map((role) => ROLE_MODULES[role]()));
  const rootModule = {
    module: RollcallAppModule,
    imports: [PlatformModule.forRoot(options), ...(options.extraModules ?? []), ...roleModules],
  };
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, new FastifyAdapter(), {
    logger: new PinoNestLogger(options.logger.child({ component: 'nest' })),
    // Let startup errors reach the caller, which logs one line and exits 1, instead of aborting.
    abortOnError: false,
  });
  if (options.roles.includes('api')) (await import('#rollcall/http')).serveOpenApiDocument(app);
  return app;
}

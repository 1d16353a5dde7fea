import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ROLLCALL_CONFIG, type RollcallConfig } from '#rollcall/config';
import { ACTION_RECORDER } from './actions/action-recorder.port.js';
import { ApiActionsTopicInitializer } from './actions/api-actions-topic.initializer.js';
import { ApiActionsRecorder } from './actions/api-actions.recorder.js';
import { BearerAuthGuard } from './guard/bearer-auth.guard.js';
import { TokenAuthenticator } from './guard/token-authenticator.js';
import { ADMIN_TOKEN_OPTIONS, AdminTokenBootstrap, type AdminTokenOptions } from './tokens/admin-token.bootstrap.js';
import { ApiTokenRepository } from './tokens/api-token.repository.js';
import { TokensController } from './tokens/tokens.controller.js';
import { TokensService } from './tokens/tokens.service.js';

export type AuthModuleOptions = Partial<AdminTokenOptions>;

const announceOnStdout = (message: string): void => void process.stdout.write(`\n${message}\n`);

/**
 * Bearer tokens with roles: the /v1/tokens endpoints, the guard behind `@Roles(...)` for every
 * module, and the action recorder. Global, so that any module's controllers can use the guard.
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions = {}): DynamicModule {
    // ROLLCALL_ADMIN_TOKEN comes from the configuration validated at boot, unless a caller gives one.
    const adminTokenOptions = (config?: RollcallConfig): AdminTokenOptions => ({
      adminToken: options.adminToken ?? config?.adminToken,
      announce: options.announce ?? announceOnStdout,
    });
    return {
      module: AuthModule,
      controllers: [TokensController],
      providers: [
        {
          provide: ADMIN_TOKEN_OPTIONS,
          useFactory: adminTokenOptions,
          inject: [{ token: ROLLCALL_CONFIG, optional: true }],
        },
        { provide: ACTION_RECORDER, useClass: ApiActionsRecorder },
        ApiActionsTopicInitializer,
        ApiTokenRepository,
        TokenAuthenticator,
        BearerAuthGuard,
        TokensService,
        AdminTokenBootstrap,
      ],
      exports: [TokenAuthenticator, BearerAuthGuard, ApiTokenRepository, ACTION_RECORDER],
    };
  }
}

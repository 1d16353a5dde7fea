import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { RollcallConfig } from './rollcall-config.schema.js';

export const ROLLCALL_CONFIG = Symbol('RollcallConfig');

/** Hands the configuration validated at boot to every module of the app. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: RollcallConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: ROLLCALL_CONFIG, useValue: config }],
      exports: [ROLLCALL_CONFIG],
    };
  }
}

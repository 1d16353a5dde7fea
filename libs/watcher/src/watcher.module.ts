import {
  Inject,
  Module,
  type DynamicModule,
  type OnModuleDestroy,
  type OnModuleInit,
  type Provider,
} from '@nestjs/common';
import { loadKubeConfig, type KubeConfigSource } from '#rollcall/kube';
import { ROLLCALL_CONFIG, type RollcallConfig } from '#rollcall/config';
import { EVENT_BUS, type EventBus } from '#rollcall/messaging';
import { ROOT_LOGGER, RollcallMetrics } from '#rollcall/observability';
import type { Logger } from 'pino';
import { ClusterWatcher } from './cluster-watcher.js';
import type { WatcherSettings } from './watcher-settings.js';

export interface WatcherModuleOptions {
  readonly kube: KubeConfigSource;
  readonly settings?: Partial<WatcherSettings>;
  readonly onError?: (error: unknown, context: string) => void;
  /** The process's metrics, where the watcher reports (rollcall_watcher_*). */
  readonly metrics?: RollcallMetrics;
}

export const WATCHER_MODULE_OPTIONS = Symbol('WatcherModuleOptions');

/** Runs the ClusterWatcher over the application's EVENT_BUS: starts on module init, stops on destroy. */
@Module({})
export class WatcherModule implements OnModuleInit, OnModuleDestroy {
  constructor(@Inject(ClusterWatcher) private readonly watcher: ClusterWatcher) {}

  /** The watcher of a Rollcall process: the cluster of KUBECONFIG (like kubectl without it), errors logged. */
  static forRollcall(): DynamicModule {
    return WatcherModule.withOptions({
      provide: WATCHER_MODULE_OPTIONS,
      inject: [ROLLCALL_CONFIG, ROOT_LOGGER, RollcallMetrics],
      useFactory: (config: RollcallConfig, logger: Logger, metrics: RollcallMetrics): WatcherModuleOptions => ({
        kube: { kubeconfigPath: config.kubeconfig },
        metrics,
        onError: (error, context) => logger.warn({ err: error, context }, `watcher: ${context} failed, retrying`),
      }),
    });
  }

  static register(options: WatcherModuleOptions): DynamicModule {
    return WatcherModule.withOptions({ provide: WATCHER_MODULE_OPTIONS, useValue: options });
  }

  private static withOptions(optionsProvider: Provider): DynamicModule {
    return {
      module: WatcherModule,
      providers: [
        optionsProvider,
        {
          provide: ClusterWatcher,
          inject: [WATCHER_MODULE_OPTIONS, EVENT_BUS],
          useFactory: (moduleOptions: WatcherModuleOptions, bus: EventBus) =>
            new ClusterWatcher(
              {
                kubeConfig: loadKubeConfig(moduleOptions.kube),
                bus,
                onError: moduleOptions.onError,
                metricsRegistry: moduleOptions.metrics?.registry,
              },
              moduleOptions.settings,
            ),
        },
      ],
      exports: [ClusterWatcher],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.watcher.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.watcher.stop();
  }
}

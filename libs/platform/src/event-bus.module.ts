import { Inject, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { RollcallConfig } from '#rollcall/config';
import {
  EVENT_BUS,
  InProcessEventBus,
  KafkaEventBus,
  type ConsumerRestartReason,
  type EventBus,
} from '#rollcall/messaging';
import { ReadinessRegistry, RollcallMetrics, ROOT_LOGGER } from '#rollcall/observability';
import type { Logger } from 'pino';
import { Counter } from 'prom-client';
import { pinoBusLogger } from './pino-bus-logger.js';

/** Counts the Kafka consumers a subscription replaced, by consumer group and reason. */
export function countConsumerRestarts(
  metrics: RollcallMetrics,
): (group: string, reason: ConsumerRestartReason) => void {
  const restarts = new Counter({
    name: 'rollcall_bus_consumer_restarts_total',
    help: 'Kafka consumers replaced by their subscription, by consumer group and reason (stalled or crashed).',
    labelNames: ['group', 'reason'] as const,
    registers: [metrics.registry],
  });
  return (group, reason) => restarts.inc({ group, reason });
}

/** Kafka when KAFKA_BROKERS is set, otherwise the in-process bus (one process, every role). */
export function createEventBus(kafka: RollcallConfig['kafka'], logger: Logger, metrics: RollcallMetrics): EventBus {
  const busLogger = pinoBusLogger(logger);
  if (kafka.brokers === undefined) return new InProcessEventBus(busLogger);
  return new KafkaEventBus({
    brokers: kafka.brokers,
    clientId: kafka.clientId,
    logger: busLogger,
    onConsumerRestart: countConsumerRestarts(metrics),
  });
}

/** Provides `EVENT_BUS`, reports it to /readyz and closes it once the HTTP server has stopped. */
@Module({})
export class EventBusModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(ReadinessRegistry) private readonly readiness: ReadinessRegistry,
  ) {}

  static forRoot(kafka: RollcallConfig['kafka']): DynamicModule {
    return {
      module: EventBusModule,
      global: true,
      providers: [
        {
          provide: EVENT_BUS,
          inject: [ROOT_LOGGER, RollcallMetrics],
          useFactory: (logger: Logger, metrics: RollcallMetrics) => createEventBus(kafka, logger, metrics),
        },
      ],
      exports: [EVENT_BUS],
    };
  }

  onModuleInit(): void {
    this.readiness.register('event-bus', () => this.bus.isReachable());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}

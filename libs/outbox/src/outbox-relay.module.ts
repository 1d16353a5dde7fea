import { Inject, Module, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_BUS, type EventBus } from '#rollcall/messaging';
import { ROOT_LOGGER } from '#rollcall/observability';
import { PG_POOL } from '#rollcall/postgres';
import type { Logger } from 'pino';
import type pg from 'pg';
import { OutboxRelayLoop } from './outbox-relay.loop.js';
import { OutboxRelay } from './outbox.relay.js';

/** How often a role without an orchestrator looks for unsent outbox rows. */
const RELAY_EVERY_MS = 250;

/**
 * Relays the outbox from a role that writes to it (the api role's actions), so its messages reach
 * the bus and the history even while no orchestrator runs; relays in other processes take turns
 * through the relay lock. It stops before the pool and the bus close.
 */
@Module({
  providers: [
    {
      provide: OutboxRelayLoop,
      inject: [PG_POOL, EVENT_BUS, ROOT_LOGGER],
      useFactory: (pool: pg.Pool, bus: EventBus, logger: Logger) =>
        new OutboxRelayLoop(new OutboxRelay(pool, bus), RELAY_EVERY_MS, (error) =>
          logger.warn({ err: error, component: 'outbox-relay' }, 'outbox relay failed; retrying'),
        ),
    },
  ],
})
export class OutboxRelayModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(OutboxRelayLoop) private readonly loop: OutboxRelayLoop) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }
}

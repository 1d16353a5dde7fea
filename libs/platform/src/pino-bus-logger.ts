import type { BusLogger } from '#rollcall/messaging';
import type { Logger } from 'pino';

export function pinoBusLogger(logger: Logger): BusLogger {
  const bus = logger.child({ component: 'event-bus' });
  return {
    warn: (message, context) => bus.warn({ ...context }, message),
    error: (message, context) => bus.error({ ...context }, message),
  };
}

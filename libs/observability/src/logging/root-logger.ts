import { pino, type Logger } from 'pino';

export const ROOT_LOGGER = Symbol('RootLogger');

export interface RootLoggerOptions {
  readonly level: string;
  /** Which process writes the lines, e.g. `rollcall` or `api`. */
  readonly service: string;
}

/** JSON lines on stdout; log shippers parse them as they are, people pipe them through pino-pretty. */
export function createRootLogger(options: RootLoggerOptions): Logger {
  return pino({
    level: options.level,
    base: { service: options.service, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}

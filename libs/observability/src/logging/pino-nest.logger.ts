import type { LoggerService, LogLevel } from '@nestjs/common';
import type { Logger } from 'pino';

type PinoMethod = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

const pinoMethodOf: Record<LogLevel, PinoMethod> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/** Lets Nest's own messages (bootstrap, routes, errors) come out as the same JSON lines as ours. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: LogLevel, message: unknown, params: unknown[]): void {
    // Nest passes the context last, and for errors a stack trace before it.
    const context = params.length > 0 && typeof params[params.length - 1] === 'string' ? params.pop() : undefined;
    const stack = level === 'error' && typeof params[0] === 'string' ? params.shift() : undefined;
    const fields = { context, ...(stack === undefined ? {} : { stack }) };
    const method = pinoMethodOf[level];
    if (message instanceof Error) this.logger[method]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[method]({ ...fields, ...message });
    else this.logger[method](fields, String(message));
  }
}

import { logLevel, type logCreator } from 'kafkajs';
import type { BusLogger } from '../bus-logger.js';

/**
 * Routes kafkajs's own logging (level WARN and up) to the bus logger. Its Connection namespace logs
 * every error response (coordinator loading, topic exists) that kafkajs then retries or handles, so
 * those count as warnings: real failures reach the caller as rejected promises.
 */
export function kafkaLogCreator(logger: BusLogger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, ...context } = log;
      const text = `kafkajs ${namespace}: ${message}`;
      if (level === logLevel.ERROR && namespace !== 'Connection') logger.error(text, context);
      else if (level === logLevel.ERROR || level === logLevel.WARN) logger.warn(text, context);
    };
}

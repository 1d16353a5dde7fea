/** The little the bus needs to say: warnings (retries, malformed records) and errors. */
export interface BusLogger {
  warn(message: string, context?: Readonly<Record<string, unknown>>): void;
  error(message: string, context?: Readonly<Record<string, unknown>>): void;
}

export const consoleBusLogger: BusLogger = {
  warn: (message, context) => console.warn(`[event-bus] ${message}`, context ?? ''),
  error: (message, context) => console.error(`[event-bus] ${message}`, context ?? ''),
};

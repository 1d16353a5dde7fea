import type { RollcallConfig, RollcallRole } from '#rollcall/config';

/** The line a person reads at start: where to look, and what this process runs on. */
export function startupLine(config: RollcallConfig, roles: readonly RollcallRole[], port: number): string {
  const host = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host;
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const postgres = config.databaseUrl === undefined ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL';
  const bus =
    config.kafka.brokers === undefined ? 'the in-process event bus' : `Kafka (${config.kafka.brokers.join(', ')})`;
  return (
    `Rollcall (${roles.join(', ')}) is up at ${base}: health ${base}/healthz, readiness ${base}/readyz, ` +
    `metrics ${base}/metrics; on ${postgres} and ${bus}.`
  );
}

import { parseConfig, type RollcallConfig } from '#rollcall/config';
import { startupLine } from './startup-line.js';

function config(env: Record<string, string>): RollcallConfig {
  const parsed = parseConfig(env, { host: { homeDir: '/home/ada', isRoot: false } });
  if (!parsed.ok) throw new Error(parsed.problems.join(' '));
  return parsed.config;
}

describe('startupLine', () => {
  it('gives the URLs and says the process runs on embedded defaults', () => {
    expect(startupLine(config({}), ['api', 'watcher'], 8080)).toBe(
      'Rollcall (api, watcher) is up at http://127.0.0.1:8080: health http://127.0.0.1:8080/healthz, ' +
        'readiness http://127.0.0.1:8080/readyz, metrics http://127.0.0.1:8080/metrics; ' +
        'on embedded PostgreSQL in /home/ada/.local/share/rollcall and the in-process event bus.',
    );
  });

  it('points a wildcard listener at localhost and names the external services', () => {
    const line = startupLine(
      config({ HOST: '0.0.0.0', DATABASE_URL: 'postgres://u:p@db/rollcall', KAFKA_BROKERS: 'kafka:9092' }),
      ['api'],
      9000,
    );

    expect(line).toContain('is up at http://localhost:9000:');
    expect(line).toContain('on PostgreSQL and Kafka (kafka:9092).');
    expect(line).not.toContain('u:p');
  });
});

import { parseConfig, type ParsedConfig } from './parse-config.js';

const laptop = { homeDir: '/home/ada', isRoot: false };

function problemsOf(parsed: ParsedConfig): readonly string[] {
  return parsed.ok ? [] : parsed.problems;
}

function configOf(parsed: ParsedConfig) {
  if (!parsed.ok) throw new Error(`expected a valid configuration, got: ${parsed.problems.join(' ')}`);
  return parsed.config;
}

describe('parseConfig', () => {
  it('runs every role on embedded defaults when nothing is set', () => {
    const config = configOf(parseConfig({}, { host: laptop }));

    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      logLevel: 'info',
      databaseUrl: undefined,
      dataDir: '/home/ada/.local/share/rollcall',
      kafka: { brokers: undefined, clientId: 'rollcall', topicPartitions: 6 },
      kubeconfig: undefined,
      roles: ['api', 'watcher', 'projector', 'orchestrator'],
      adminToken: undefined,
      simulatedCluster: { nodes: 36, readyDelayMs: 2000 },
    });
  });

  it('reads every variable', () => {
    const config = configOf(
      parseConfig(
        {
          PORT: '9090',
          HOST: '0.0.0.0',
          LOG_LEVEL: 'DEBUG',
          DATABASE_URL: 'postgresql://rollcall:secret@db:5432/rollcall',
          ROLLCALL_DATA_DIR: '/srv/rollcall',
          KAFKA_BROKERS: 'kafka-0:9092, kafka-1:9092',
          KAFKA_CLIENT_ID: 'rollcall-api',
          KAFKA_TOPIC_PARTITIONS: '12',
          KUBECONFIG: '/etc/kube/config',
          ROLLCALL_ROLES: 'api,projector,api',
          ROLLCALL_ADMIN_TOKEN: 'rc_first-admin',
          ROLLCALL_SIM_NODES: '500',
          ROLLCALL_SIM_READY_DELAY_MS: '250',
        },
        { host: laptop },
      ),
    );

    expect(config).toEqual({
      port: 9090,
      host: '0.0.0.0',
      logLevel: 'debug',
      databaseUrl: 'postgresql://rollcall:secret@db:5432/rollcall',
      dataDir: '/srv/rollcall',
      kafka: { brokers: ['kafka-0:9092', 'kafka-1:9092'], clientId: 'rollcall-api', topicPartitions: 12 },
      kubeconfig: '/etc/kube/config',
      roles: ['api', 'projector'],
      adminToken: 'rc_first-admin',
      simulatedCluster: { nodes: 500, readyDelayMs: 250 },
    });
  });

  it('treats an empty variable as unset', () => {
    const config = configOf(parseConfig({ PORT: '', DATABASE_URL: '', KAFKA_BROKERS: '' }, { host: laptop }));

    expect([config.port, config.databaseUrl, config.kafka.brokers]).toEqual([8080, undefined, undefined]);
  });

  it('keeps root state where the embedded server user can reach it, and honours XDG_DATA_HOME', () => {
    expect(configOf(parseConfig({}, { host: { homeDir: '/root', isRoot: true } })).dataDir).toBe('/var/lib/rollcall');
    expect(configOf(parseConfig({}, { host: { ...laptop, xdgDataHome: '/data' } })).dataDir).toBe('/data/rollcall');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number from 1 to 65535, got "eighty".'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 1 to 65535, got "70000".'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud".'],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL must be a URL like postgres://user:password@host:5432/database.'],
    [
      { KAFKA_BROKERS: 'kafka-0:9092,kafka-1' },
      'KAFKA_BROKERS must be a comma-separated list of host:port, got "kafka-1".',
    ],
    [{ KAFKA_TOPIC_PARTITIONS: '0' }, 'KAFKA_TOPIC_PARTITIONS must be a whole number from 1 to 10000, got "0".'],
    [
      { ROLLCALL_ROLES: 'api,scheduler' },
      'ROLLCALL_ROLES must be a comma-separated list of api, watcher, projector, orchestrator, got "scheduler".',
    ],
    [{ HOST: '   ' }, 'HOST must not be blank.'],
  ])('rejects %j with one sentence naming the variable', (env, sentence) => {
    expect(problemsOf(parseConfig(env, { host: laptop }))).toEqual([sentence]);
  });

  it('names a variable the process requires and says why', () => {
    const parsed = parseConfig(
      { KAFKA_BROKERS: 'kafka:9092' },
      { host: laptop, required: { DATABASE_URL: 'the roles share one PostgreSQL' } },
    );

    expect(problemsOf(parsed)).toEqual(['DATABASE_URL is required: the roles share one PostgreSQL.']);
  });

  it('reports every faulty variable, one sentence each', () => {
    expect(problemsOf(parseConfig({ PORT: 'x', LOG_LEVEL: 'y' }, { host: laptop }))).toHaveLength(2);
  });
});

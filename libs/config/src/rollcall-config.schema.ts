import { resolve } from 'node:path';
import { z } from 'zod';
import { defaultDataDir, type HostFacts } from './default-data-dir.js';
import { brokerList, commaList, nonBlank, oneOf, postgresUrl, wholeNumber } from './env-validators.js';
import { ROLLCALL_ROLES } from './rollcall-roles.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The environment variables Rollcall reads, validated and shaped into its configuration. */
export function rollcallConfigSchema(host: HostFacts) {
  return z
    .object({
      PORT: wholeNumber(1, 65535).default(8080),
      // Loopback by default: a laptop run with embedded defaults should not be on the network; the image sets 0.0.0.0.
      HOST: nonBlank().default('127.0.0.1'),
      LOG_LEVEL: oneOf(LOG_LEVELS).default('info'),
      DATABASE_URL: postgresUrl().optional(),
      ROLLCALL_DATA_DIR: nonBlank()
        .transform((dir) => resolve(dir))
        .default(defaultDataDir(host)),
      KAFKA_BROKERS: brokerList().optional(),
      KAFKA_CLIENT_ID: nonBlank().default('rollcall'),
      KAFKA_TOPIC_PARTITIONS: wholeNumber(1, 10000).default(6),
      KUBECONFIG: nonBlank().optional(),
      ROLLCALL_ROLES: commaList(ROLLCALL_ROLES).default([...ROLLCALL_ROLES]),
    })
    .transform((env) => ({
      port: env.PORT,
      host: env.HOST,
      logLevel: env.LOG_LEVEL,
      databaseUrl: env.DATABASE_URL,
      dataDir: env.ROLLCALL_DATA_DIR,
      kafka: {
        brokers: env.KAFKA_BROKERS,
        clientId: env.KAFKA_CLIENT_ID,
        topicPartitions: env.KAFKA_TOPIC_PARTITIONS,
      },
      kubeconfig: env.KUBECONFIG,
      roles: env.ROLLCALL_ROLES,
    }));
}

export type RollcallConfig = z.infer<ReturnType<typeof rollcallConfigSchema>>;
export type LogLevel = RollcallConfig['logLevel'];

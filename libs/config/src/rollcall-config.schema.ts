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
      ROLLCALL_ADMIN_TOKEN: nonBlank().optional(),
      ROLLCALL_SIM_NODES: wholeNumber(1, 5000).default(36),
      ROLLCALL_SIM_READY_DELAY_MS: wholeNumber(0, 600000).default(2000),
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
      adminToken: env.ROLLCALL_ADMIN_TOKEN,
      // The all-in-one runs a simulated cluster of this shape when no kubeconfig is given.
      simulatedCluster: { nodes: env.ROLLCALL_SIM_NODES, readyDelayMs: env.ROLLCALL_SIM_READY_DELAY_MS },
    }));
}

export type RollcallConfig = z.infer<ReturnType<typeof rollcallConfigSchema>>;
export type LogLevel = RollcallConfig['logLevel'];

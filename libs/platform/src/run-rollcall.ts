import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfigOrExit, type RollcallRole } from '#rollcall/config';
import { createRootLogger, enableGracefulShutdown, holdShutdownSignals } from '#rollcall/observability';
import type { DynamicModule } from '@nestjs/common';
import type { SimulatedCluster } from '#rollcall/kube-sim';
import { createRollcallApp } from './rollcall-app.js';
import { rolesNeedPostgres } from './roles/role-modules.js';
import { startupLine } from './startup-line.js';

export interface RunOptions {
  readonly service: string;
  /** The roles to run; the all-in-one leaves it to ROLLCALL_ROLES. */
  readonly roles?: readonly RollcallRole[];
  readonly migrateOnStart: boolean;
  /** A role in its own process shares PostgreSQL and Kafka with the others, so both must be given. */
  readonly standalone: boolean;
  /** Without a kubeconfig, run against a simulated cluster (the all-in-one's embedded default). */
  readonly simulateClusterWithoutKubeconfig?: boolean;
}

const KAFKA_REQUIRED = { KAFKA_BROKERS: 'a role running as its own process talks to the other roles through Kafka' };
const POSTGRES_REQUIRED = { DATABASE_URL: 'a role running as its own process shares PostgreSQL with the other roles' };

const sharedServicesFor = (roles: readonly RollcallRole[] | undefined) =>
  roles === undefined || rolesNeedPostgres(roles) ? { ...POSTGRES_REQUIRED, ...KAFKA_REQUIRED } : KAFKA_REQUIRED;

/** Boots a Rollcall process: config, app, signals, HTTP; any startup failure is one log line and exit 1. */
export async function runRollcall(options: RunOptions): Promise<void> {
  let config = loadConfigOrExit(options.standalone ? { required: sharedServicesFor(options.roles) } : {});
  const roles = options.roles ?? config.roles;
  const logger = createRootLogger({ level: config.logLevel, service: options.service });
  let app: NestFastifyApplication | undefined;
  let cluster: SimulatedCluster | undefined;
  try {
    const startup = holdShutdownSignals();
    const extraModules: DynamicModule[] = [];
    if (options.simulateClusterWithoutKubeconfig === true && config.kubeconfig === undefined) {
      // Loaded only here: a process with a kubeconfig never carries the simulator.
      const { SimulatedClusterModule, startSimulatedClusterFor } = await import('./simulated-cluster.module.js');
      ({ config, cluster } = await startSimulatedClusterFor(config, logger));
      extraModules.push(SimulatedClusterModule.forCluster(cluster));
    }
    app = await createRollcallApp({ ...options, config, logger, roles, extraModules });
    if (startup.release()) {
      logger.info('stop requested while starting, shutting down');
      await app.close();
      process.exit(0);
    }
    enableGracefulShutdown(app, { logger });
    await app.listen({ port: config.port, host: config.host });
    logger.info({ roles, port: config.port, host: config.host }, startupLine(config, roles, config.port));
  } catch (error) {
    logger.fatal({ err: error }, `Rollcall could not start: ${error instanceof Error ? error.message : error}`);
    await app?.close().catch(() => undefined);
    await cluster?.close().catch(() => undefined);
    process.exit(1);
  }
}

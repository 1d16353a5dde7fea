import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { RollcallConfig } from '#rollcall/config';
import { createSimulatedCluster, writeKubeconfig, type SimulatedCluster } from '#rollcall/kube-sim';
import type { Logger } from 'pino';

export const SIMULATED_CLUSTER = Symbol('SimulatedCluster');

@Injectable()
class SimulatedClusterLifecycle implements OnApplicationShutdown {
  constructor(@Inject(SIMULATED_CLUSTER) private readonly cluster: SimulatedCluster) {}

  async onApplicationShutdown(): Promise<void> {
    await this.cluster.close();
  }
}

/** Owns the all-in-one's simulated cluster, so that it stops with the app. */
@Module({})
export class SimulatedClusterModule {
  static forCluster(cluster: SimulatedCluster): DynamicModule {
    return {
      module: SimulatedClusterModule,
      global: true,
      providers: [{ provide: SIMULATED_CLUSTER, useValue: cluster }, SimulatedClusterLifecycle],
      exports: [SIMULATED_CLUSTER],
    };
  }
}

/**
 * With no kubeconfig, the all-in-one runs against a seeded simulated cluster so that Rollcall can be
 * tried with nothing else installed; the returned configuration points at its kubeconfig.
 */
export async function startSimulatedClusterFor(
  config: RollcallConfig,
  logger: Logger,
): Promise<{ config: RollcallConfig; cluster: SimulatedCluster }> {
  const { nodes, readyDelayMs } = config.simulatedCluster;
  const cluster = await createSimulatedCluster({ nodes, readyDelayMs, seed: true, host: '127.0.0.1', port: 0 });
  await mkdir(config.dataDir, { recursive: true });
  const kubeconfig = join(config.dataDir, 'simulated-cluster.kubeconfig');
  await writeKubeconfig(kubeconfig, { server: cluster.url });
  logger.info(
    { url: cluster.url, kubeconfig, nodes },
    `No KUBECONFIG given: running a simulated cluster of ${nodes} nodes with the log-collector DaemonSet at ` +
      `${cluster.url} (kubectl --kubeconfig ${kubeconfig} get pods -A).`,
  );
  return { config: { ...config, kubeconfig }, cluster };
}

import { AppsV1Api, CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import type { EventBus } from '#rollcall/messaging';
import type { Logger } from 'pino';
import type pg from 'pg';
import { systemClock, type Clock } from './clock.js';
import { DaemonSetPatchAdapter } from './effects/daemon-set-patch.adapter.js';
import { EffectQueue } from './effects/effect-queue.js';
import { makeConnectionReusingApiClient } from './effects/kube-api-client.js';
import { PodEvictionAdapter } from './effects/pod-eviction.adapter.js';
import { orchestratorSettings, type OrchestratorSettings } from './orchestrator.settings.js';
import { OrchestratorRuntime } from './runtime/orchestrator.runtime.js';
import { RolloutDriver } from './runtime/rollout.driver.js';
import { ClusterSnapshotReader } from './service/cluster-snapshot.reader.js';
import { RolloutReadModel } from './service/rollout.read-model.js';
import { RolloutService } from './service/rollout.service.js';
import { RolloutEventStore } from './store/rollout-event.store.js';

export interface OrchestratorDeps {
  readonly pool: pg.Pool;
  readonly bus: EventBus;
  readonly kubeConfig: KubeConfig;
  readonly logger: Logger;
  readonly clock?: Clock;
  readonly settings?: Partial<OrchestratorSettings>;
}

export interface Orchestrator {
  readonly service: RolloutService;
  readonly runtime: OrchestratorRuntime;
  readonly store: RolloutEventStore;
}

/** Wires the orchestrator from its adapters; the Nest module and the tests both build it here. */
export function createOrchestrator(deps: OrchestratorDeps): Orchestrator {
  const { pool, bus, kubeConfig, logger } = deps;
  const store = new RolloutEventStore(pool);
  const driver = new RolloutDriver(store, deps.clock ?? systemClock);
  const readModel = new RolloutReadModel(pool);
  const service = new RolloutService(driver, store, readModel, new ClusterSnapshotReader(kubeConfig));
  const runtime = new OrchestratorRuntime({
    pool,
    bus,
    kubeConfig,
    driver,
    readModel,
    queue: new EffectQueue(pool),
    evictions: new PodEvictionAdapter(makeConnectionReusingApiClient(kubeConfig, CoreV1Api)),
    patches: new DaemonSetPatchAdapter(makeConnectionReusingApiClient(kubeConfig, AppsV1Api)),
    settings: orchestratorSettings(deps.settings),
    logger: logger.child({ component: 'orchestrator' }),
  });
  return { service, runtime, store };
}

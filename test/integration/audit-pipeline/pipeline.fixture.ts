import { loadKubeConfig } from '#rollcall/kube';
import {
  clusterClients,
  createSimulatedCluster,
  daemonSetManifest,
  type ClusterClients,
  type SimulatedCluster,
} from '#rollcall/kube-sim';
import { KafkaEventBus } from '#rollcall/messaging';
import { DEAD_LETTER_TOPIC } from '#rollcall/projector';
import { uniqueTopicPrefix } from '#rollcall/testing';
import { ClusterWatcher } from '#rollcall/watcher';
import type { Pool } from 'pg';
import { ClusterChurn, type ChurnedDaemonSet } from './cluster-churn.js';
import { projectionDrift } from './ground-truth.js';
import { auditHistory, projectedToEnd, type HistoryAudit } from './history-audit.js';
import { ProjectorProcess } from './projector-process.js';
import { TopicRecorder, topicEnds } from './topic-recorder.js';

export const INITIAL_NODES = 8;
const PARTITIONS = 3;
const quiet = { warn: () => undefined, error: () => undefined };

export const CHURNED_DAEMONSETS: readonly ChurnedDaemonSet[] = [
  { namespace: 'kube-system', name: 'log-collector', container: 'collector' },
  { namespace: 'default', name: 'node-agent', container: 'main' },
];

export interface Settled {
  readonly drift: string[];
  readonly audit: HistoryAudit;
}

/** The simulator, the real watcher on Kafka, a recorder of the topic, and projector processes on a given schema. */
export class Pipeline {
  readonly topic = `${uniqueTopicPrefix('reliability')}.cluster.v1`;
  readonly groupId = `${this.topic}.projector`;
  readonly clients: ClusterClients;
  private readonly bus: KafkaEventBus;
  private readonly recorder: TopicRecorder;
  private watcher: ClusterWatcher | undefined;
  private readonly projectors = new Set<ProjectorProcess>();

  private constructor(
    readonly cluster: SimulatedCluster,
    private readonly brokers: string,
  ) {
    this.clients = clusterClients(cluster.url);
    this.bus = new KafkaEventBus({
      brokers: brokers.split(','),
      clientId: 'reliability-test',
      logger: quiet,
      consumerTiming: {
        sessionTimeoutMs: 6_000,
        rebalanceTimeoutMs: 10_000,
        heartbeatIntervalMs: 300,
        maxWaitTimeMs: 100,
      },
    });
    this.recorder = new TopicRecorder(this.topic, brokers.split(','));
  }

  static async start(brokers: string): Promise<Pipeline> {
    const cluster = await createSimulatedCluster({ nodes: INITIAL_NODES, readyDelayMs: 30, seed: true });
    const pipeline = new Pipeline(cluster, brokers);
    await pipeline.clients.apps.createNamespacedDaemonSet({
      namespace: 'default',
      body: daemonSetManifest('node-agent', {
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 3 } },
      }),
    });
    // The projector's topics too, before any projector process races to create them.
    await pipeline.bus.ensureTopics([
      { name: pipeline.topic, partitions: PARTITIONS },
      { name: DEAD_LETTER_TOPIC, partitions: 1 },
    ]);
    return pipeline;
  }

  churn(): ClusterChurn {
    return new ClusterChurn(this.clients, {
      clusterUrl: this.cluster.url,
      daemonSets: CHURNED_DAEMONSETS,
      initialNodes: INITIAL_NODES,
      pauseMs: 40,
    });
  }

  async startWatcher(): Promise<void> {
    this.watcher = new ClusterWatcher(
      { kubeConfig: loadKubeConfig({ serverUrl: this.cluster.url }), bus: this.bus },
      {
        topic: this.topic,
        topicPartitions: PARTITIONS,
        lease: null,
        pageSize: 50,
        batch: { maxBatch: 100, lingerMs: 10, capacity: 2_000, retryDelayMs: 100 },
      },
    );
    await this.watcher.start();
  }

  async stopWatcher(): Promise<void> {
    await this.watcher?.stop();
    this.watcher = undefined;
  }

  async startProjector(databaseUrl: string, schema: string): Promise<ProjectorProcess> {
    const projector = new ProjectorProcess({
      databaseUrl,
      schema,
      brokers: this.brokers,
      topic: this.topic,
      topicPartitions: PARTITIONS,
      groupId: this.groupId,
    });
    this.projectors.add(projector);
    await projector.started();
    return projector;
  }

  simFault(path: string): Promise<Response> {
    return fetch(`${this.cluster.url}/sim/${path}`, { method: 'POST' });
  }

  /**
   * Waits until the projector has read the whole topic and the projections equal the cluster, then
   * reads what the topic holds and audits the history; on timeout it returns what it found, for the
   * assertions (but throws when the topic itself could not be read to its end).
   */
  async settle(pool: Pool, timeoutMs = 90_000): Promise<Settled> {
    const deadline = Date.now() + timeoutMs;
    await this.clusterAtRest(deadline);
    let drift: string[];
    for (;;) {
      const ends = await topicEnds(this.brokers.split(','), this.topic);
      const caughtUp = await projectedToEnd(pool, this.groupId, this.topic, ends);
      drift = await projectionDrift(pool, this.cluster.store);
      if ((caughtUp && drift.length === 0) || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Its own budget: reading a few thousand messages takes seconds, even after a slow settle.
    const readAll = await this.recorder.readToEnd(
      this.bus,
      `${this.topic}.recorder`,
      Math.max(deadline, Date.now() + 30_000),
    );
    // An audit against part of the topic would report rows "never published" that were.
    if (!readAll) throw new Error(`the recorder did not read ${this.topic} to its end: no ground truth to audit`);
    return { drift, audit: await auditHistory(pool, this.recorder.idsByChain) };
  }

  /** The controllers are done once the store's resourceVersion stops moving for a second. */
  private async clusterAtRest(deadline: number): Promise<void> {
    let version = this.cluster.store.currentResourceVersion();
    for (let stableSince = Date.now(); Date.now() - stableSince < 1_000 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = this.cluster.store.currentResourceVersion();
      if (now !== version) [version, stableSince] = [now, Date.now()];
    }
  }

  async close(): Promise<void> {
    await this.stopWatcher();
    await Promise.all([...this.projectors].map((projector) => projector.stop()));
    await this.bus.close();
    await this.cluster.close();
  }
}

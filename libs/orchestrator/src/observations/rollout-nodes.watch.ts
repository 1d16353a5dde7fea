import { CoreV1Api, type KubeConfig, type V1Node } from '@kubernetes/client-node';
import { ResourceWatcher, type ResourceEvent, type ResourceSource } from '#rollcall/kube';
import type { Logger } from 'pino';
import type { RolloutDriver } from '../runtime/rollout.driver.js';

/**
 * Watches the cluster's Nodes and tells one rollout's saga when a node it plans for is gone: at
 * once on a deletion, and after each relist for nodes that vanished while nobody watched. A
 * removed node is finished for the rollout instead of timing out as Failed.
 */
export class RolloutNodesWatch {
  private readonly watcher: ResourceWatcher<V1Node>;
  private listed = new Set<string>();

  constructor(
    kubeConfig: KubeConfig,
    private readonly rolloutId: string,
    private readonly driver: RolloutDriver,
    private readonly logger: Logger,
  ) {
    const core = kubeConfig.makeApiClient(CoreV1Api);
    const source: ResourceSource<V1Node> = {
      resource: `nodes of rollout ${rolloutId}`,
      watchPath: '/api/v1/nodes',
      list: (query) => core.listNode({ limit: query.limit, _continue: query.continueToken }),
    };
    this.watcher = new ResourceWatcher(
      kubeConfig,
      source,
      { offer: (event) => this.offer(event), whenReady: () => Promise.resolve() },
      { onError: (error) => this.logger.warn({ err: error, rolloutId }, 'node watch failed') },
    );
  }

  start(): void {
    this.watcher.start();
  }

  stop(): Promise<void> {
    return this.watcher.stop();
  }

  private offer(event: ResourceEvent<V1Node>): boolean {
    if (event.type === 'RelistStarted') this.listed = new Set();
    else if (event.type === 'RelistCompleted') this.report(this.removedSinceList(this.listed));
    else if (event.change === 'RELISTED') this.listed.add(event.object.metadata?.name ?? '');
    else if (event.change === 'DELETED') this.report(Promise.resolve([event.object.metadata?.name ?? '']));
    return true;
  }

  private async removedSinceList(present: ReadonlySet<string>): Promise<string[]> {
    const { state } = await this.driver.load(this.rolloutId);
    if (state === null) return [];
    return Object.values(state.nodes)
      .filter((node) => node.status !== 'Removed' && !present.has(node.name))
      .map((node) => node.name);
  }

  private report(nodes: Promise<string[]>): void {
    const recorded = nodes.then((names) =>
      Promise.all(
        names.map((node) => this.driver.handle(this.rolloutId, { type: 'NodeRemoved', now: this.driver.now(), node })),
      ),
    );
    recorded.catch((error: unknown) =>
      this.logger.warn({ err: error, rolloutId: this.rolloutId }, 'node removal not recorded'),
    );
  }
}

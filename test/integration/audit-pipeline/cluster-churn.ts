import { PatchStrategy, setHeaderOptions, type V1Node } from '@kubernetes/client-node';
import { buildNode, DEFAULT_ZONES, nodeName, type ClusterClients } from '#rollcall/kube-sim';

export interface ChurnedDaemonSet {
  readonly namespace: string;
  readonly name: string;
  readonly container: string;
}

export interface ChurnOptions {
  readonly clusterUrl: string;
  readonly daemonSets: readonly ChurnedDaemonSet[];
  /** Nodes node-0001..node-<initialNodes> exist at the start; new ones are numbered after them. */
  readonly initialNodes: number;
  readonly pauseMs: number;
}

const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(Math.random() * items.length)];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Keeps the cluster busy until stopped: rolls DaemonSets to new images, deletes pods, adds and
 * deletes nodes, makes nodes vanish and come back. Races with the controllers (404, 409) are expected.
 */
export class ClusterChurn {
  readonly done: Record<string, number> = {};
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private nextNode: number;
  private readonly added: string[] = [];
  private readonly vanished: string[] = [];

  constructor(
    private readonly clients: ClusterClients,
    private readonly options: ChurnOptions,
  ) {
    this.nextNode = options.initialNodes + 1;
  }

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async run(): Promise<void> {
    const steps: [string, () => Promise<unknown>][] = [
      ['rollDaemonSet', () => this.rollDaemonSet()],
      ['deletePod', () => this.deletePod()],
      ['addNode', () => this.addNode()],
      ['deletePod', () => this.deletePod()],
      ['vanishNode', () => this.vanishNode()],
      ['deleteNode', () => this.deleteNode()],
      ['restoreNode', () => this.restoreNode()],
    ];
    for (let step = 0; this.running; step++) {
      const [name, action] = steps[step % steps.length];
      const done = await action().then(
        () => true,
        () => false,
      );
      if (done) this.done[name] = (this.done[name] ?? 0) + 1;
      await sleep(this.options.pauseMs);
    }
    while (this.vanished.length > 0) await this.restoreNode();
  }

  private async rollDaemonSet(): Promise<void> {
    const ds = pick(this.options.daemonSets);
    if (!ds) return;
    const image = `busybox:1.${Math.floor(Math.random() * 1_000)}`;
    await this.clients.apps.patchNamespacedDaemonSet(
      {
        namespace: ds.namespace,
        name: ds.name,
        body: { spec: { template: { spec: { containers: [{ name: ds.container, image }] } } } },
      },
      mergePatch,
    );
  }

  private async deletePod(): Promise<void> {
    const ds = pick(this.options.daemonSets);
    if (!ds) return;
    const pods = await this.clients.core.listNamespacedPod({
      namespace: ds.namespace,
      labelSelector: `app=${ds.name}`,
    });
    const pod = pick(pods.items.filter((item) => item.metadata?.deletionTimestamp === undefined));
    if (!pod?.metadata?.name) return;
    await this.clients.core.deleteNamespacedPod({
      namespace: ds.namespace,
      name: pod.metadata.name,
      gracePeriodSeconds: 0,
    });
  }

  private async addNode(): Promise<void> {
    const node = buildNode(this.nextNode++, DEFAULT_ZONES, new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'));
    // The simulator's wire type carries the same JSON as client-node's model.
    await this.clients.core.createNode({ body: node as V1Node });
    this.added.push(node.metadata.name ?? '');
  }

  private async deleteNode(): Promise<void> {
    const name = this.added.shift();
    if (name) await this.clients.core.deleteNode({ name });
  }

  private async vanishNode(): Promise<void> {
    const name = nodeName(1 + Math.floor(Math.random() * this.options.initialNodes));
    if (this.vanished.includes(name)) return;
    await this.simFault(name, 'vanish');
    this.vanished.push(name);
  }

  private async restoreNode(): Promise<void> {
    const name = this.vanished.shift();
    if (name) await this.simFault(name, 'restore');
  }

  private async simFault(node: string, fault: string): Promise<void> {
    const response = await fetch(`${this.options.clusterUrl}/sim/nodes/${node}/${fault}`, { method: 'POST' });
    if (!response.ok) throw new Error(`/sim/nodes/${node}/${fault} answered ${response.status}`);
  }
}

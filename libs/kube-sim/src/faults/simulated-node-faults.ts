import { StoreError, type ClusterStore, type KubeObject } from '../store/cluster-store.port.js';
import type { ConditionWire, NodeWire, Taint } from '../controllers/kube-wire.types.js';
import type { NodeFaults } from './node-faults.port.js';
import type { NodeSlowness } from './node-slowness.js';

const NOT_READY_TAINTS: Taint[] = [
  { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' },
];

const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

function readyCondition(ready: boolean, previous: ConditionWire | undefined): ConditionWire {
  const status = ready ? 'True' : 'False';
  return {
    type: 'Ready',
    status,
    lastHeartbeatTime: nowIso(),
    lastTransitionTime: previous?.status === status ? previous.lastTransitionTime : nowIso(),
    reason: ready ? 'KubeletReady' : 'KubeletNotReady',
    message: ready ? 'kubelet is posting ready status' : 'container runtime is down (fault injected)',
  };
}

/** Node faults applied to the store; the kubelet stand-in and the controllers react to the changes. */
export class SimulatedNodeFaults implements NodeFaults {
  private readonly vanished = new Map<string, KubeObject>();

  constructor(
    private readonly store: ClusterStore,
    private readonly slowness: NodeSlowness,
  ) {}

  vanish(nodeName: string): void {
    const node = this.existing(nodeName);
    this.store.delete('nodes', undefined, nodeName);
    this.vanished.set(nodeName, node);
  }

  restore(nodeName: string): void {
    const node = this.vanished.get(nodeName);
    if (node === undefined) throw new StoreError('NotFound', `node "${nodeName}" has not vanished`);
    const { uid: _uid, resourceVersion: _rv, creationTimestamp: _created, ...metadata } = node.metadata;
    this.store.create('nodes', { ...node, metadata });
    this.vanished.delete(nodeName);
  }

  setReady(nodeName: string, ready: boolean): void {
    this.existing(nodeName);
    // The node lifecycle controller taints a NotReady node; DaemonSet pods tolerate these taints.
    this.store.mutate('nodes', undefined, nodeName, (current) => {
      const node = current as NodeWire;
      const others = (node.spec?.taints ?? []).filter((taint) => taint.key !== 'node.kubernetes.io/not-ready');
      const taints = ready
        ? others
        : [...others, ...NOT_READY_TAINTS.map((taint) => ({ ...taint, timeAdded: nowIso() }))];
      return { ...node, spec: { ...node.spec, taints: taints.length > 0 ? taints : undefined } };
    });
    this.store.mutate(
      'nodes',
      undefined,
      nodeName,
      (current) => {
        const node = current as NodeWire;
        const conditions = node.status?.conditions ?? [];
        const previous = conditions.find((condition) => condition.type === 'Ready');
        const others = conditions.filter((condition) => condition.type !== 'Ready');
        return { ...node, status: { ...node.status, conditions: [...others, readyCondition(ready, previous)] } };
      },
      { subresource: 'status' },
    );
  }

  setSlow(nodeName: string, extraStartDelayMs: number): void {
    this.existing(nodeName);
    this.slowness.set(nodeName, extraStartDelayMs);
  }

  private existing(nodeName: string): KubeObject {
    const node = this.store.get('nodes', undefined, nodeName);
    if (node === undefined) throw new StoreError('NotFound', `nodes "${nodeName}" not found`);
    return node;
  }
}

import type { ClusterStore } from '../store/cluster-store.port.js';
import type { ConditionWire, PodWire } from '../controllers/kube-wire.types.js';
import { isPodReady, isTerminating } from '../controllers/daemon/pod-conditions.js';
import { matchesLabelSelector } from '../controllers/label-selector.js';
import type { ClusterCache } from '../controllers/runtime/cluster-cache.js';
import { CoalescingQueue } from '../controllers/runtime/coalescing-queue.js';
import { objectKey } from '../controllers/runtime/object-index.js';
import { canonicalJson } from '#rollcall/domain';
import { computePdbStatus } from './pdb-status.js';

const controlledByDaemonSet = (pod: PodWire): boolean =>
  pod.metadata.ownerReferences?.some((owner) => owner.controller === true && owner.kind === 'DaemonSet') ?? false;

/** Keeps a transition time while a condition's status stays the same, so unchanged statuses are not rewritten. */
function keepTransitionTimes(next: ConditionWire[] | undefined, previous: ConditionWire[] | undefined) {
  return next?.map((condition) => {
    const before = previous?.find((existing) => existing.type === condition.type);
    return before?.status === condition.status && before.reason === condition.reason
      ? { ...condition, lastTransitionTime: before.lastTransitionTime }
      : condition;
  });
}

/** The disruption controller: every PDB's status follows its selector and its pods' readiness. */
export class DisruptionController {
  private readonly queue: CoalescingQueue<string>;
  private readonly subscriptions: (() => void)[] = [];

  constructor(
    private readonly store: ClusterStore,
    private readonly cache: ClusterCache,
    batchDelayMs: number,
  ) {
    this.queue = new CoalescingQueue((key) => this.sync(key), batchDelayMs);
  }

  start(): void {
    this.subscriptions.push(
      this.cache.pdbs.subscribe((type, pdb) => {
        if (type !== 'DELETED') this.queue.add(objectKey(pdb));
      }),
      this.cache.pods.subscribe((_type, pod) => {
        for (const pdb of this.cache.pdbs.inNamespace(pod.metadata.namespace ?? '').values()) {
          this.queue.add(objectKey(pdb));
        }
      }),
    );
    for (const pdb of this.cache.pdbs.values()) this.queue.add(objectKey(pdb));
  }

  stop(): void {
    for (const unsubscribe of this.subscriptions.splice(0)) unsubscribe();
    this.queue.stop();
  }

  private sync(key: string): void {
    const [namespace, name] = key.split('/');
    const pdb = this.cache.pdbs.get(namespace, name ?? '');
    if (pdb === undefined) return;
    const selected = [...this.cache.pods.inNamespace(namespace ?? '').values()].filter((pod) =>
      matchesLabelSelector(pdb.spec.selector, pod.metadata.labels),
    );
    const next = computePdbStatus({
      spec: pdb.spec,
      generation: pdb.metadata.generation ?? 0,
      pods: selected.map((pod) => ({
        name: pod.metadata.name ?? '',
        ready: isPodReady(pod),
        terminating: isTerminating(pod),
      })),
      expectedScale: selected.some(controlledByDaemonSet) ? undefined : 0,
      previousDisruptedPods: pdb.status?.disruptedPods ?? {},
      nowMs: Date.now(),
    });
    const status = { ...next, conditions: keepTransitionTimes(next.conditions, pdb.status?.conditions) };
    if (canonicalJson(status) === canonicalJson(pdb.status ?? {})) return;
    this.store.mutate('poddisruptionbudgets', namespace, name ?? '', (current) => ({ ...current, status }), {
      subresource: 'status',
    });
  }
}

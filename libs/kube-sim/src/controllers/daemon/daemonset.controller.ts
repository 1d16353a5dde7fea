import { StoreError, type ClusterStore } from '../../store/cluster-store.port.js';
import type { DaemonSetWire, NodeWire, PodWire } from '../kube-wire.types.js';
import { controllerUid, type ClusterCache } from '../runtime/cluster-cache.js';
import { CoalescingQueue } from '../runtime/coalescing-queue.js';
import { objectKey } from '../runtime/object-index.js';
import type { TimerQueue } from '../runtime/timer-queue.js';
import { buildDaemonPod } from './daemon-pod.factory.js';
import { podsByNode, type RevisionContext } from './daemon-pod.view.js';
import { templateGeneration } from './daemon-labels.js';
import { computeDaemonSetStatus } from './daemonset-status.js';
import { daemonEligibility, type NodeEligibility } from './node-eligibility.js';
import { planNodePods, type DaemonPodView } from './node-pods.plan.js';
import { changesDaemonSync } from './pod-sync-inputs.js';
import { planRollingUpdate, rollingUpdateLimits } from './rolling-update.plan.js';
import { syncRevisions } from './revision.sync.js';
import { requeueForAvailability } from './availability-requeue.js';

const CREATE_ATTEMPTS = 5;

/** The DaemonSet controller: revisions, one pod per eligible node, RollingUpdate or OnDelete, status. */
export class DaemonSetController {
  private readonly queue: CoalescingQueue<string>;
  private readonly garbage: CoalescingQueue<string>;
  private readonly requeues = new Map<string, { dueMs: number; cancel(): void }>();
  private readonly subscriptions: (() => void)[] = [];

  constructor(
    private readonly store: ClusterStore,
    private readonly cache: ClusterCache,
    private readonly timers: TimerQueue,
    batchDelayMs: number,
  ) {
    this.queue = new CoalescingQueue((key) => this.sync(key), batchDelayMs);
    this.garbage = new CoalescingQueue((uid) => this.collectGarbage(uid), batchDelayMs);
  }

  start(): void {
    this.subscriptions.push(
      this.cache.daemonSets.subscribe((type, ds, previous) => {
        if (type === 'DELETED') this.garbage.add(ds.metadata.uid ?? '');
        else if (previous?.metadata.generation !== ds.metadata.generation || type === 'ADDED') this.enqueue(ds);
      }),
      this.cache.pods.subscribe((type, pod, previous) => {
        if (type === 'MODIFIED' && !changesDaemonSync(pod, previous)) return;
        this.enqueueOwner(pod);
        // Like the real updatePod: a pod that changed controllers leaves its old DaemonSet to sync too.
        if (previous !== undefined && controllerUid(previous) !== controllerUid(pod)) this.enqueueOwner(previous);
      }),
      this.cache.nodes.subscribe((type, node, previous) => {
        if (type !== 'MODIFIED' || placementChanged(node, previous)) this.enqueueAll();
      }),
    );
    this.enqueueAll();
  }

  stop(): void {
    for (const unsubscribe of this.subscriptions.splice(0)) unsubscribe();
    this.queue.stop();
    this.garbage.stop();
    for (const requeue of this.requeues.values()) requeue.cancel();
  }

  private enqueue(ds: DaemonSetWire): void {
    this.queue.add(objectKey(ds));
  }

  private enqueueAll(): void {
    for (const ds of this.cache.daemonSets.values()) this.enqueue(ds);
  }

  private enqueueOwner(pod: PodWire): void {
    const owner = pod.metadata.ownerReferences?.find((reference) => reference.controller === true);
    if (owner?.kind !== 'DaemonSet') return;
    const ds = this.cache.daemonSets.get(pod.metadata.namespace, owner.name);
    if (ds !== undefined && ds.metadata.uid === owner.uid) this.enqueue(ds);
  }

  private sync(key: string): void {
    const [namespace, name] = key.split('/');
    const ds = this.cache.daemonSets.get(namespace, name ?? '');
    if (ds === undefined || ds.metadata.deletionTimestamp) return;
    const hash = syncRevisions(this.store, this.cache, ds);
    const eligibilityOf = daemonEligibility(ds.spec.template.spec);
    const eligibility = new Map<string, NodeEligibility>();
    for (const node of this.cache.nodes.values()) eligibility.set(node.metadata.name ?? '', eligibilityOf(node));
    const context = (): RevisionContext => ({
      hash,
      generation: templateGeneration(ds),
      minReadySeconds: ds.spec.minReadySeconds ?? 0,
      nowMs: Date.now(),
    });
    const owned = () => this.cache.pods.ownedBy(ds.metadata.uid ?? '').values();
    const strategy = ds.spec.updateStrategy;
    const allowsSurge =
      strategy?.type !== 'OnDelete' &&
      rollingUpdateLimits(strategy?.rollingUpdate, countShouldRun(eligibility)).maxSurge > 0;

    // The pods are grouped again only after this sync created or deleted some: a pod change that
    // needs no action (most of them) costs one pass over the DaemonSet's pods, not three.
    let byNode = podsByNode(owned(), context());
    let changed = false;
    for (const [nodeName, nodeEligibility] of eligibility) {
      const plan = planNodePods(nodeEligibility, byNode.get(nodeName) ?? [], allowsSurge);
      if (plan.create) this.createPod(ds, nodeName, hash);
      for (const podName of plan.deletePods) this.deletePod(ds, podName);
      changed ||= plan.create || plan.deletePods.length > 0;
    }
    if (strategy?.type !== 'OnDelete') {
      if (changed) byNode = podsByNode(owned(), context());
      const limits = rollingUpdateLimits(strategy?.rollingUpdate, countShouldRun(eligibility));
      const plan = planRollingUpdate(
        [...byNode].map(([nodeName, pods]) => ({ nodeName, pods })),
        limits,
      );
      for (const podName of plan.deletePods) this.deletePod(ds, podName);
      for (const nodeName of plan.createOnNodes) this.createPod(ds, nodeName, hash);
      changed ||= plan.deletePods.length > 0 || plan.createOnNodes.length > 0;
    }
    if (changed) byNode = podsByNode(owned(), context());
    this.updateStatus(ds, eligibility, byNode);
    requeueForAvailability(this.timers, this.requeues, key, owned(), ds.spec.minReadySeconds ?? 0, () =>
      this.queue.add(key),
    );
  }

  private updateStatus(
    ds: DaemonSetWire,
    eligibility: Map<string, NodeEligibility>,
    byNode: Map<string, DaemonPodView[]>,
  ): void {
    const nodes = [...eligibility].map(([nodeName, { shouldRun }]) => ({
      shouldRun,
      pods: byNode.get(nodeName) ?? [],
    }));
    const status = computeDaemonSetStatus(nodes, ds.metadata.generation ?? 0);
    const current = ds.status ?? {};
    const unchanged = (Object.keys(status) as (keyof typeof status)[]).every(
      (field) => current[field] === status[field],
    );
    if (unchanged) return;
    this.store.mutate(
      'daemonsets',
      ds.metadata.namespace,
      ds.metadata.name ?? '',
      (stored) => ({ ...stored, status: { ...(stored.status as object), ...status } }),
      { subresource: 'status' },
    );
  }

  private createPod(ds: DaemonSetWire, nodeName: string, hash: string): void {
    const pod = buildDaemonPod(ds, nodeName, hash);
    for (let attempt = 1; ; attempt++) {
      try {
        this.store.create('pods', pod);
        return;
      } catch (error) {
        // generateName picks 5 random characters; a clash is retried like the real client does.
        const clash = error instanceof StoreError && error.reason === 'AlreadyExists';
        if (!clash || attempt >= CREATE_ATTEMPTS) throw error;
      }
    }
  }

  private deletePod(ds: DaemonSetWire, podName: string): void {
    deleteIfPresent(() => this.store.delete('pods', ds.metadata.namespace, podName));
  }

  /** The garbage collector's part: a deleted DaemonSet's pods and revisions go too. */
  private collectGarbage(uid: string): void {
    for (const pod of [...this.cache.pods.ownedBy(uid).values()]) {
      if (pod.metadata.deletionTimestamp) continue;
      deleteIfPresent(() => this.store.delete('pods', pod.metadata.namespace, pod.metadata.name ?? ''));
    }
    for (const revision of [...this.cache.revisions.ownedBy(uid).values()]) {
      deleteIfPresent(() =>
        this.store.delete('controllerrevisions', revision.metadata.namespace, revision.metadata.name ?? ''),
      );
    }
  }
}

function countShouldRun(eligibility: Map<string, NodeEligibility>): number {
  let count = 0;
  for (const { shouldRun } of eligibility.values()) if (shouldRun) count++;
  return count;
}

function placementChanged(node: NodeWire, previous: NodeWire | undefined): boolean {
  if (previous === undefined) return true;
  return (
    JSON.stringify(node.metadata.labels) !== JSON.stringify(previous.metadata.labels) ||
    JSON.stringify(node.spec?.taints) !== JSON.stringify(previous.spec?.taints)
  );
}

function deleteIfPresent(remove: () => unknown): void {
  try {
    remove();
  } catch (error) {
    if (!(error instanceof StoreError) || error.reason !== 'NotFound') throw error;
  }
}

import { StoreError, type ClusterStore } from '../../store/cluster-store.port.js';
import type { NodeWire, PodWire } from '../kube-wire.types.js';
import { isPodReady, isTerminating } from '../daemon/pod-conditions.js';
import type { ClusterCache } from '../runtime/cluster-cache.js';
import type { ScheduledTask, TimerQueue } from '../runtime/timer-queue.js';
import { containerBehaviour, crashLoopBackOffMs } from './container-behaviour.js';
import { nodeInternalIp, nodeIsReady, PodIpAllocator } from './node-addresses.js';
import { runningPodStatus } from './pod-status.factory.js';

export interface KubeletOptions {
  readonly readyDelayMs: number;
  /** How long a gracefully deleted pod takes to stop before it is removed. */
  readonly terminationDelayMs: number;
  /** Extra start delay per node (slow-node fault). */
  readonly extraStartDelayMs: (nodeName: string) => number;
}

const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Every node's kubelet in one: starts pods after a delay, applies image faults, finishes deletions. */
export class KubeletSimulator {
  private readonly starts = new Map<string, ScheduledTask>();
  private readonly stops = new Map<string, ScheduledTask>();
  private readonly addresses = new Map<string, string>();
  private readonly ips = new PodIpAllocator();
  private readonly subscriptions: (() => void)[] = [];

  constructor(
    private readonly store: ClusterStore,
    private readonly cache: ClusterCache,
    private readonly timers: TimerQueue,
    private readonly options: KubeletOptions,
  ) {}

  start(): void {
    this.subscriptions.push(
      this.cache.pods.subscribe((type, pod) => (type === 'DELETED' ? this.forget(pod) : this.observe(pod))),
      // Deferred: a watch callback must not write to the store while it is dispatching.
      this.cache.nodes.subscribe((type, node, previous) =>
        queueMicrotask(() => this.observeNode(type, node, previous)),
      ),
    );
    for (const pod of this.cache.pods.values()) this.observe(pod);
  }

  stop(): void {
    for (const unsubscribe of this.subscriptions.splice(0)) unsubscribe();
    for (const task of [...this.starts.values(), ...this.stops.values()]) task.cancel();
  }

  private observe(pod: PodWire): void {
    const uid = pod.metadata.uid ?? '';
    if (isTerminating(pod)) {
      this.starts.get(uid)?.cancel();
      this.starts.delete(uid);
      if (!this.stops.has(uid))
        this.stops.set(
          uid,
          this.timers.schedule(this.options.terminationDelayMs, () => this.remove(pod)),
        );
      return;
    }
    const nodeName = pod.spec.nodeName;
    if (nodeName === undefined || pod.status?.phase !== 'Pending' || this.starts.has(uid)) return;
    if (nodeIsReady(this.cache.nodes.get(undefined, nodeName))) this.scheduleStart(pod, 0);
  }

  private scheduleStart(pod: PodWire, restartCount: number, delayMs?: number): void {
    const uid = pod.metadata.uid ?? '';
    this.starts.get(uid)?.cancel();
    const delay = delayMs ?? this.options.readyDelayMs + this.options.extraStartDelayMs(pod.spec.nodeName ?? '');
    this.starts.set(
      uid,
      this.timers.schedule(delay, () => this.run(pod, restartCount)),
    );
  }

  private run(scheduled: PodWire, restartCount: number): void {
    const uid = scheduled.metadata.uid ?? '';
    this.starts.delete(uid);
    const pod = this.cache.pods.get(scheduled.metadata.namespace, scheduled.metadata.name ?? '');
    if (pod === undefined || pod.metadata.uid !== uid || isTerminating(pod)) return;
    const node = this.cache.nodes.get(undefined, pod.spec.nodeName ?? '');
    if (!nodeIsReady(node)) return;
    const behaviour = containerBehaviour(pod);
    this.writeStatus(pod, { behaviour, restartCount, nodeReady: true });
    if (behaviour === 'crashloop') {
      const next = restartCount + 1;
      this.scheduleStart(pod, next, crashLoopBackOffMs(this.options.readyDelayMs, next));
    }
  }

  private writeStatus(
    pod: PodWire,
    facts: { behaviour: ReturnType<typeof containerBehaviour>; restartCount: number; nodeReady: boolean },
  ): void {
    const uid = pod.metadata.uid ?? '';
    let podIP = this.addresses.get(uid);
    if (podIP === undefined) this.addresses.set(uid, (podIP = this.ips.allocate()));
    const hostIP = nodeInternalIp(this.cache.nodes.get(undefined, pod.spec.nodeName ?? ''));
    const restartCount = facts.behaviour === 'crashloop' ? Math.max(1, facts.restartCount) : facts.restartCount;
    ignoreMissing(() =>
      this.store.mutate(
        'pods',
        pod.metadata.namespace,
        pod.metadata.name ?? '',
        (current) => {
          if (current.metadata.uid !== uid) throw new StoreError('NotFound', 'replaced');
          const status = runningPodStatus(current as PodWire, {
            ...facts,
            restartCount,
            podIP,
            hostIP,
            nowIso: nowIso(),
          });
          return { ...current, status };
        },
        { subresource: 'status' },
      ),
    );
  }

  private observeNode(type: string, node: NodeWire, previous: NodeWire | undefined): void {
    if (this.subscriptions.length === 0) return;
    const nodeName = node.metadata.name ?? '';
    const pods = [...this.cache.pods.onNode(nodeName).values()];
    if (type === 'DELETED') {
      // The pod garbage collector removes pods bound to a node that no longer exists.
      for (const pod of pods) this.removeNow(pod);
      return;
    }
    const ready = nodeIsReady(node);
    if (previous !== undefined && ready === nodeIsReady(previous)) return;
    for (const pod of pods) {
      if (isTerminating(pod)) continue;
      if (!ready) {
        this.starts.get(pod.metadata.uid ?? '')?.cancel();
        this.starts.delete(pod.metadata.uid ?? '');
        if (pod.status?.phase === 'Running') this.writeStatus(pod, this.notReadyFacts(pod));
      } else if (!isPodReady(pod)) {
        this.scheduleStart(pod, pod.status?.containerStatuses?.[0]?.restartCount ?? 0);
      }
    }
  }

  private notReadyFacts(pod: PodWire) {
    const restartCount = pod.status?.containerStatuses?.[0]?.restartCount ?? 0;
    return { behaviour: containerBehaviour(pod), restartCount, nodeReady: false };
  }

  private remove(pod: PodWire): void {
    this.stops.delete(pod.metadata.uid ?? '');
    this.removeNow(pod);
  }

  private removeNow(pod: PodWire): void {
    const preconditions = { uid: pod.metadata.uid };
    ignoreMissing(() =>
      this.store.delete('pods', pod.metadata.namespace, pod.metadata.name ?? '', {
        gracePeriodSeconds: 0,
        preconditions,
      }),
    );
  }

  private forget(pod: PodWire): void {
    const uid = pod.metadata.uid ?? '';
    this.starts.get(uid)?.cancel();
    this.starts.delete(uid);
    this.stops.get(uid)?.cancel();
    this.stops.delete(uid);
    this.addresses.delete(uid);
  }
}

function ignoreMissing(action: () => unknown): void {
  try {
    action();
  } catch (error) {
    if (!(error instanceof StoreError) || (error.reason !== 'NotFound' && error.reason !== 'Conflict')) throw error;
  }
}

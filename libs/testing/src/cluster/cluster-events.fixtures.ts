import { partitionKeyOf, toObservation, type ClusterEvent, type ObservedChange } from '#rollcall/domain';
import type { BusMessage } from '#rollcall/messaging';
import type { V1DaemonSetStatus, V1DaemonSetUpdateStrategy, V1Taint } from '@kubernetes/client-node';

/** Seconds after 2025-01-01T00:00:00Z, the clock of the cluster fixtures. */
export const atSecond = (second: number): string => new Date(Date.UTC(2025, 0, 1, 0, 0, second)).toISOString();

const owner = [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'log-collector', uid: 'ds-uid', controller: true }];

/**
 * Cluster observations as the watcher publishes them, for the projector's tests and for scenarios of the
 * libraries that read what it projects. `*Observed` builders take the full shape; `*Event` the short form.
 */

/** Where an observation stands: its object's resourceVersion, when (fixture seconds) and in which watch. */
export interface Observed {
  readonly resourceVersion: number;
  readonly second: number;
  readonly correlationId: string;
}

// The short forms observe each object at the second of its resourceVersion.
const byVersion = (resourceVersion: number): Observed => ({
  resourceVersion,
  second: resourceVersion,
  correlationId: 'test',
});

export interface NodeShape {
  readonly ready?: boolean;
  readonly change?: ObservedChange;
  readonly labels?: Record<string, string>;
  readonly taints?: V1Taint[];
}

export const nodeObserved = (observed: Observed, name: string, shape: NodeShape = {}) =>
  toObservation(
    'Node',
    shape.change ?? 'MODIFIED',
    {
      metadata: { name, uid: `${name}-uid`, resourceVersion: String(observed.resourceVersion), labels: shape.labels },
      spec: { taints: shape.taints },
      status: { conditions: [{ type: 'Ready', status: (shape.ready ?? true) ? 'True' : 'False' }] },
    },
    atSecond(observed.second),
    observed.correlationId,
  );

export const nodeEvent = (name: string, resourceVersion: number, ready = true, change: ObservedChange = 'MODIFIED') =>
  nodeObserved(byVersion(resourceVersion), name, { ready, change, labels: { zone: 'a' } });

export interface DaemonSetShape {
  readonly image: string;
  readonly generation?: number;
  readonly updateStrategy?: V1DaemonSetUpdateStrategy;
  readonly status?: Omit<V1DaemonSetStatus, 'observedGeneration'>;
}

export const daemonSetObserved = (observed: Observed, shape: DaemonSetShape) =>
  toObservation(
    'DaemonSet',
    'MODIFIED',
    {
      metadata: {
        namespace: 'ops',
        name: 'log-collector',
        uid: 'ds-uid',
        resourceVersion: String(observed.resourceVersion),
        generation: shape.generation ?? 2,
      },
      spec: {
        selector: { matchLabels: { app: 'log-collector' } },
        updateStrategy: shape.updateStrategy,
        template: { spec: { containers: [{ name: 'fluentd', image: shape.image }] } },
      },
      status: {
        observedGeneration: shape.generation ?? 2,
        ...(shape.status ?? {
          desiredNumberScheduled: 2,
          currentNumberScheduled: 2,
          numberMisscheduled: 0,
          numberReady: 1,
        }),
      },
    },
    atSecond(observed.second),
    observed.correlationId,
  );

export const daemonSetEvent = (resourceVersion: number, image: string) =>
  daemonSetObserved(byVersion(resourceVersion), { image });

export const revisionObserved = (observed: Observed, revision: number, hash: string) =>
  toObservation(
    'ControllerRevision',
    'ADDED',
    {
      metadata: {
        namespace: 'ops',
        name: `log-collector-${hash}`,
        uid: `rev-${hash}`,
        resourceVersion: String(observed.resourceVersion),
        labels: { 'controller-revision-hash': hash },
        ownerReferences: owner,
      },
      revision,
    },
    atSecond(observed.second),
    observed.correlationId,
  );

export const revisionEvent = (resourceVersion: number, revision: number, hash: string) =>
  revisionObserved(byVersion(resourceVersion), revision, hash);

export interface PodShape {
  readonly change?: ObservedChange;
  /** When given, the pod reports its container's status with this restart count. */
  readonly restarts?: number;
}

export const podObserved = (observed: Observed, node: string, podUid: string, hash: string, shape: PodShape = {}) =>
  toObservation(
    'Pod',
    shape.change ?? 'MODIFIED',
    {
      metadata: {
        namespace: 'ops',
        name: `log-collector-${podUid}`,
        uid: podUid,
        resourceVersion: String(observed.resourceVersion),
        labels: { 'controller-revision-hash': hash },
        ownerReferences: owner,
      },
      spec: { nodeName: node, containers: [{ name: 'fluentd', image: `fluentd:${hash}` }] },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses:
          shape.restarts === undefined
            ? undefined
            : [
                {
                  name: 'fluentd',
                  image: `fluentd:${hash}`,
                  imageID: '',
                  ready: true,
                  restartCount: shape.restarts,
                },
              ],
      },
    },
    atSecond(observed.second),
    observed.correlationId,
  );

export const podEvent = (
  node: string,
  podUid: string,
  resourceVersion: number,
  hash: string,
  change: ObservedChange = 'MODIFIED',
) => podObserved(byVersion(resourceVersion), node, podUid, hash, { change });

export const onTopic = (topic: string, events: readonly ClusterEvent[]): BusMessage[] =>
  events.map((envelope) => ({ topic, key: partitionKeyOf(envelope), envelope }));

export async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

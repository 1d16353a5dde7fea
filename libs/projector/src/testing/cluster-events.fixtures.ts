import { partitionKeyOf, toObservation, type ClusterEvent, type ObservedChange } from '#rollcall/domain';
import type { BusMessage } from '#rollcall/messaging';

const at = (second: number): string => new Date(Date.UTC(2025, 0, 1, 0, 0, second)).toISOString();
const owner = [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'log-collector', uid: 'ds-uid', controller: true }];

export const nodeEvent = (name: string, resourceVersion: number, ready = true, change: ObservedChange = 'MODIFIED') =>
  toObservation(
    'Node',
    change,
    {
      metadata: { name, uid: `${name}-uid`, resourceVersion: String(resourceVersion), labels: { zone: 'a' } },
      status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
    },
    at(resourceVersion),
    'test',
  );

export const daemonSetEvent = (resourceVersion: number, image: string) =>
  toObservation(
    'DaemonSet',
    'MODIFIED',
    {
      metadata: {
        namespace: 'ops',
        name: 'log-collector',
        uid: 'ds-uid',
        resourceVersion: String(resourceVersion),
        generation: 2,
      },
      spec: {
        selector: { matchLabels: { app: 'log-collector' } },
        template: { spec: { containers: [{ name: 'fluentd', image }] } },
      },
      status: {
        observedGeneration: 2,
        desiredNumberScheduled: 2,
        currentNumberScheduled: 2,
        numberMisscheduled: 0,
        numberReady: 1,
      },
    },
    at(resourceVersion),
    'test',
  );

export const revisionEvent = (resourceVersion: number, revision: number, hash: string) =>
  toObservation(
    'ControllerRevision',
    'ADDED',
    {
      metadata: {
        namespace: 'ops',
        name: `log-collector-${hash}`,
        uid: `rev-${hash}`,
        resourceVersion: String(resourceVersion),
        labels: { 'controller-revision-hash': hash },
        ownerReferences: owner,
      },
      revision,
    },
    at(resourceVersion),
    'test',
  );

export const podEvent = (
  node: string,
  podUid: string,
  resourceVersion: number,
  hash: string,
  change: ObservedChange = 'MODIFIED',
) =>
  toObservation(
    'Pod',
    change,
    {
      metadata: {
        namespace: 'ops',
        name: `log-collector-${podUid}`,
        uid: podUid,
        resourceVersion: String(resourceVersion),
        labels: { 'controller-revision-hash': hash },
        ownerReferences: owner,
      },
      spec: { nodeName: node, containers: [{ name: 'fluentd', image: `fluentd:${hash}` }] },
      status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
    },
    at(resourceVersion),
    'test',
  );

export const onTopic = (topic: string, events: readonly ClusterEvent[]): BusMessage[] =>
  events.map((envelope) => ({ topic, key: partitionKeyOf(envelope), envelope }));

export async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

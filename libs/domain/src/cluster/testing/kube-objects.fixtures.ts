import type { V1ControllerRevision, V1DaemonSet, V1Node, V1Pod, V1PodDisruptionBudget } from '@kubernetes/client-node';

const managedFields = [{ manager: 'kubectl', operation: 'Update', fieldsV1: { f: 'noise' } }];
const dsOwner = [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'log-collector', uid: 'ds-uid', controller: true }];

export const nodeFixture = (): V1Node => ({
  metadata: { name: 'node-0001', uid: 'node-uid', resourceVersion: '10', labels: { zone: 'a' }, managedFields },
  spec: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }], unschedulable: true },
  status: {
    conditions: [{ type: 'Ready', status: 'True' }],
    nodeInfo: { kubeletVersion: 'v1.31.0' } as NonNullable<V1Node['status']>['nodeInfo'],
  },
});

export const daemonSetFixture = (): V1DaemonSet => ({
  metadata: {
    namespace: 'kube-system',
    name: 'log-collector',
    uid: 'ds-uid',
    resourceVersion: '20',
    generation: 3,
    managedFields,
    annotations: {
      'deprecated.daemonset.template.generation': '3',
      'kubernetes.io/change-cause': 'bump fluentd',
      'kubectl.kubernetes.io/last-applied-configuration': '{"huge":"blob"}',
    },
  },
  spec: {
    selector: { matchLabels: { app: 'log-collector' } },
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%' } },
    template: { spec: { containers: [{ name: 'fluentd', image: 'fluentd:v2' }] } },
  },
  status: {
    observedGeneration: 2,
    desiredNumberScheduled: 5,
    currentNumberScheduled: 5,
    updatedNumberScheduled: 1,
    numberReady: 4,
    numberAvailable: 4,
    numberMisscheduled: 0,
  },
});

export const revisionFixture = (): V1ControllerRevision => ({
  metadata: {
    namespace: 'kube-system',
    name: 'log-collector-abc',
    uid: 'rev-uid',
    resourceVersion: '21',
    labels: { 'controller-revision-hash': 'abc' },
    ownerReferences: dsOwner,
  },
  revision: 3,
  data: { spec: { template: { spec: { containers: [{ name: 'fluentd', image: 'fluentd:v2' }] } } } },
});

export const podFixture = (): V1Pod => ({
  metadata: {
    namespace: 'kube-system',
    name: 'log-collector-x1',
    uid: 'pod-uid',
    resourceVersion: '30',
    labels: { 'controller-revision-hash': 'abc', 'pod-template-generation': '3' },
    ownerReferences: dsOwner,
    managedFields,
  },
  spec: {
    containers: [
      { name: 'fluentd', image: 'fluentd:v2' },
      { name: 'sidecar', image: 'busybox:1.36' },
    ],
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-0001'] }] }],
        },
      },
    },
  },
  status: {
    phase: 'Running',
    startTime: '2025-01-02T03:04:05Z' as unknown as Date,
    conditions: [{ type: 'Ready', status: 'False' }],
    containerStatuses: [
      {
        name: 'fluentd',
        image: 'fluentd:v2',
        imageID: 'docker.io/fluentd@sha256:1',
        ready: false,
        restartCount: 4,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
      } as NonNullable<NonNullable<V1Pod['status']>['containerStatuses']>[number],
      {
        name: 'sidecar',
        image: 'busybox:1.36',
        imageID: 'docker.io/busybox@sha256:2',
        ready: true,
        restartCount: 1,
      } as NonNullable<NonNullable<V1Pod['status']>['containerStatuses']>[number],
    ],
  },
});

export const pdbFixture = (): V1PodDisruptionBudget => ({
  metadata: { namespace: 'kube-system', name: 'log-collector', uid: 'pdb-uid', resourceVersion: '40', generation: 2 },
  spec: {
    minAvailable: 4,
    selector: { matchLabels: { app: 'log-collector' } },
    unhealthyPodEvictionPolicy: 'AlwaysAllow',
  },
  status: { observedGeneration: 2, disruptionsAllowed: 1, currentHealthy: 5, desiredHealthy: 4, expectedPods: 5 },
});

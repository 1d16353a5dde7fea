import type { PodWire } from '../kube-wire.types.js';
import { changesDaemonSync } from './pod-sync-inputs.js';

/** Wire timestamps are strings; client-node's types call them Date. */
const wireTime = (text: string) => text as unknown as Date;

const pod = (): PodWire => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'agent-abcde',
    namespace: 'default',
    creationTimestamp: wireTime('2026-12-06T10:00:00Z'),
    labels: { app: 'agent', 'controller-revision-hash': 'h1', 'pod-template-generation': '1' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'u1', controller: true }],
  },
  spec: { nodeName: 'node-1', containers: [{ name: 'agent', image: 'agent:1' }] },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
});

describe('which pod changes a DaemonSet sync must see', () => {
  it('given a new pod (no previous version), then the sync runs', () => {
    expect(changesDaemonSync(pod(), undefined)).toBe(true);
  });

  it('given a change to an unrelated label, an annotation or the resourceVersion, then no sync is needed', () => {
    const before = pod();
    const after = pod();
    after.metadata.labels = { ...after.metadata.labels, team: 'platform' };
    after.metadata.annotations = { note: 'x' };
    after.metadata.resourceVersion = '42';
    expect(changesDaemonSync(after, before)).toBe(false);
  });

  it.each([
    [
      'readiness',
      (changed: PodWire) => (changed.status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }] }),
    ],
    ['phase', (changed: PodWire) => (changed.status = { ...changed.status, phase: 'Failed' })],
    ['deletion', (changed: PodWire) => (changed.metadata.deletionTimestamp = wireTime('2026-12-06T11:00:00Z'))],
    [
      'revision hash label',
      (changed: PodWire) =>
        (changed.metadata.labels = { ...changed.metadata.labels, 'controller-revision-hash': 'h2' }),
    ],
    [
      'template generation label',
      (changed: PodWire) => (changed.metadata.labels = { ...changed.metadata.labels, 'pod-template-generation': '2' }),
    ],
    ['controller reference', (changed: PodWire) => (changed.metadata.ownerReferences = [])],
    ['node', (changed: PodWire) => (changed.spec = { ...changed.spec, nodeName: 'node-2' })],
  ])('given a change of %s, then the sync runs', (_field, change) => {
    const after = pod();
    change(after);
    expect(changesDaemonSync(after, pod())).toBe(true);
  });
});

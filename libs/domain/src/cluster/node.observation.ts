import type { V1Node } from '@kubernetes/client-node';
import type { NodeData } from './cluster.events.js';
import type { ObservedChange } from './cluster-resource.js';
import { identityOf } from './object-fields.js';

export const nodeDataOf = (node: V1Node, change: ObservedChange): NodeData => ({
  ...identityOf(node.metadata, change),
  labels: { ...(node.metadata?.labels ?? {}) },
  taints: (node.spec?.taints ?? []).map((taint) => ({
    key: taint.key,
    value: taint.value ?? null,
    effect: taint.effect,
  })),
  ready:
    node.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') ?? false,
  unschedulable: node.spec?.unschedulable ?? false,
  kubeletVersion: node.status?.nodeInfo?.kubeletVersion ?? null,
});

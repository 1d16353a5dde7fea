import type { DaemonSetWire, PodSpecWire, PodWire } from '../kube-wire.types.js';
import {
  CONTROLLER_REVISION_HASH_LABEL,
  POD_TEMPLATE_GENERATION_LABEL,
  controllerReference,
  templateGeneration,
} from './daemon-labels.js';
import { withDaemonPodTolerations } from './node-eligibility.js';

/** util.ReplaceDaemonSetPodNodeNameNodeAffinity: the pod may land on its node only, by matchFields. */
function pinnedToNode(spec: PodSpecWire, nodeName: string): PodSpecWire['affinity'] {
  const nodeSelectorTerms = [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }];
  return {
    ...spec.affinity,
    nodeAffinity: {
      ...spec.affinity?.nodeAffinity,
      requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms },
    },
  };
}

/** The pod the DaemonSet controller creates for a node from the current template. */
export function buildDaemonPod(ds: DaemonSetWire, nodeName: string, hash: string): PodWire {
  const template = structuredClone(ds.spec.template);
  const generation = templateGeneration(ds);
  const labels: Record<string, string> = { ...template.metadata?.labels, [CONTROLLER_REVISION_HASH_LABEL]: hash };
  if (generation !== undefined) labels[POD_TEMPLATE_GENERATION_LABEL] = generation;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace,
      labels,
      annotations: template.metadata?.annotations,
      ownerReferences: [controllerReference(ds)],
    },
    spec: {
      ...template.spec,
      nodeName,
      tolerations: withDaemonPodTolerations(template.spec),
      affinity: pinnedToNode(template.spec, nodeName),
    },
  };
}

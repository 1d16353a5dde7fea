import type { DaemonSetWire, PodWire } from '../kube-wire.types.js';

export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';
export const POD_TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

export function templateGeneration(ds: DaemonSetWire): string | undefined {
  return ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
}

/** util.IsPodUpdated: the revision hash matches, or (older pods) the template generation does. */
export function isPodUpdated(pod: PodWire, hash: string, generation: string | undefined): boolean {
  const labels = pod.metadata.labels ?? {};
  const hashMatches = hash.length > 0 && labels[CONTROLLER_REVISION_HASH_LABEL] === hash;
  return hashMatches || (generation !== undefined && labels[POD_TEMPLATE_GENERATION_LABEL] === generation);
}

export function controllerReference(ds: DaemonSetWire) {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    name: ds.metadata.name ?? '',
    uid: ds.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

import type { V1ControllerRevision, V1PodTemplateSpec } from '@kubernetes/client-node';
import type { ControllerRevisionData } from './cluster.events.js';
import type { ObservedChange } from './cluster-resource.js';
import { containerImagesOf, namespacedIdentityOf, ownerDaemonSetOf } from './object-fields.js';

export const REVISION_HASH_LABEL = 'controller-revision-hash';

/** A DaemonSet revision stores a strategic-merge patch `{ spec: { template: ... } }`. */
const storedTemplateOf = (data: unknown): V1PodTemplateSpec | undefined => {
  if (typeof data !== 'object' || data === null) return undefined;
  const spec = (data as { spec?: { template?: V1PodTemplateSpec } }).spec;
  return spec?.template;
};

export const controllerRevisionDataOf = (
  revision: V1ControllerRevision,
  change: ObservedChange,
): ControllerRevisionData => ({
  ...namespacedIdentityOf(revision.metadata, change),
  owner: ownerDaemonSetOf(revision.metadata?.ownerReferences),
  revision: revision.revision,
  hash: revision.metadata?.labels?.[REVISION_HASH_LABEL] ?? null,
  containers: containerImagesOf(storedTemplateOf(revision.data)?.spec?.containers),
});

import type { V1Container, V1LabelSelector, V1ObjectMeta, V1OwnerReference } from '@kubernetes/client-node';
import type { ObservedContainerImage, LabelSelectorData, ObjectIdentity, OwnerDaemonSet } from './cluster.events.js';
import type { ObservedChange } from './cluster-resource.js';

export const identityOf = (metadata: V1ObjectMeta | undefined, change: ObservedChange): ObjectIdentity => ({
  uid: metadata?.uid ?? '',
  name: metadata?.name ?? '',
  resourceVersion: metadata?.resourceVersion ?? '',
  change,
});

export const namespacedIdentityOf = (metadata: V1ObjectMeta | undefined, change: ObservedChange) => ({
  ...identityOf(metadata, change),
  namespace: metadata?.namespace ?? '',
});

export const containerImagesOf = (containers: readonly V1Container[] | undefined): ObservedContainerImage[] =>
  (containers ?? []).map((container) => ({ name: container.name, image: container.image ?? '' }));

export const selectorOf = (selector: V1LabelSelector | undefined): LabelSelectorData => ({
  matchLabels: { ...(selector?.matchLabels ?? {}) },
  matchExpressions: (selector?.matchExpressions ?? []).map((expression) => ({
    key: expression.key,
    operator: expression.operator,
    values: [...(expression.values ?? [])],
  })),
});

/** The controlling DaemonSet among the owner references, if any. */
export const ownerDaemonSetOf = (owners: readonly V1OwnerReference[] | undefined): OwnerDaemonSet | null => {
  const owner = owners?.find((reference) => reference.kind === 'DaemonSet' && reference.controller === true);
  return owner ? { name: owner.name, uid: owner.uid } : null;
};

/** Kubernetes int-or-string fields (maxUnavailable, minAvailable) may be absent. */
export const intOrString = (value: number | string | undefined | null): number | string | null => value ?? null;

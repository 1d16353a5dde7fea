import type { V1DaemonSet } from '@kubernetes/client-node';
import type { DaemonSetData } from './cluster.events.js';
import type { ObservedChange } from './cluster-resource.js';
import { containerImagesOf, intOrString, namespacedIdentityOf, selectorOf } from './object-fields.js';

export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

export const daemonSetDataOf = (daemonSet: V1DaemonSet, change: ObservedChange): DaemonSetData => {
  const annotations = daemonSet.metadata?.annotations ?? {};
  const status = daemonSet.status;
  const rollingUpdate = daemonSet.spec?.updateStrategy?.rollingUpdate;
  return {
    ...namespacedIdentityOf(daemonSet.metadata, change),
    generation: daemonSet.metadata?.generation ?? 0,
    observedGeneration: status?.observedGeneration ?? null,
    updateStrategy: {
      type: daemonSet.spec?.updateStrategy?.type ?? 'RollingUpdate',
      maxUnavailable: intOrString(rollingUpdate?.maxUnavailable),
      maxSurge: intOrString(rollingUpdate?.maxSurge),
    },
    selector: selectorOf(daemonSet.spec?.selector),
    containers: containerImagesOf(daemonSet.spec?.template?.spec?.containers),
    status: {
      desiredNumberScheduled: status?.desiredNumberScheduled ?? 0,
      currentNumberScheduled: status?.currentNumberScheduled ?? 0,
      updatedNumberScheduled: status?.updatedNumberScheduled ?? 0,
      numberReady: status?.numberReady ?? 0,
      numberAvailable: status?.numberAvailable ?? 0,
      numberUnavailable: status?.numberUnavailable ?? 0,
      numberMisscheduled: status?.numberMisscheduled ?? 0,
    },
    templateGeneration: annotations[TEMPLATE_GENERATION_ANNOTATION] ?? null,
    changeCause: annotations[CHANGE_CAUSE_ANNOTATION] ?? null,
  };
};

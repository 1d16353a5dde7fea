import type { KubeObject } from './cluster-store.port.js';

/** The grace period the pod registry applies: unscheduled or finished pods go at once. */
export const podGracePeriodSeconds = (pod: KubeObject, requested: number | undefined): number => {
  const spec = pod.spec as { nodeName?: string; terminationGracePeriodSeconds?: number } | undefined;
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (!spec?.nodeName || phase === 'Failed' || phase === 'Succeeded') return 0;
  return Math.max(0, requested ?? spec.terminationGracePeriodSeconds ?? 30);
};

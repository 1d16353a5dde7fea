import type { PodWire } from '../kube-wire.types.js';
import { CONTROLLER_REVISION_HASH_LABEL, POD_TEMPLATE_GENERATION_LABEL } from './daemon-labels.js';

/** What a DaemonSet sync reads of one pod: placement, ownership, revision labels, lifecycle, status. */
const syncInputsOf = (pod: PodWire) => ({
  nodeName: pod.spec?.nodeName,
  owners: pod.metadata.ownerReferences,
  hash: pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL],
  generation: pod.metadata.labels?.[POD_TEMPLATE_GENERATION_LABEL],
  created: pod.metadata.creationTimestamp,
  deleting: pod.metadata.deletionTimestamp,
  status: pod.status,
});

/** Equal inputs: the same value, or (for objects the store did not share) the same JSON. */
const sameInput = (value: unknown, previous: unknown): boolean =>
  value === previous || JSON.stringify(value) === JSON.stringify(previous);

/**
 * Whether a pod change can change what a DaemonSet sync decides. The real controller syncs on every
 * pod update; a sync is a pure function of these fields, so skipping it for any other change (a
 * label or annotation someone added) leaves the cluster the same and spares a pass over every pod.
 */
export function changesDaemonSync(pod: PodWire, previous: PodWire | undefined): boolean {
  if (previous === undefined) return true;
  // The store shares unchanged parts (owner references, status) between versions, so most label changes
  // stop at `===`. Both versions come from the store's JSON, so equal inputs serialize alike; a different
  // key order would only cost a sync that was not needed.
  const inputs = syncInputsOf(pod);
  const previousInputs = syncInputsOf(previous);
  return !(Object.keys(inputs) as (keyof typeof inputs)[]).every((field) =>
    sameInput(inputs[field], previousInputs[field]),
  );
}

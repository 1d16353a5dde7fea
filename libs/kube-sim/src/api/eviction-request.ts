import type { ClusterStore } from '../store/index.js';
import type { EvictionHandler, EvictionRequest, EvictionResult } from './eviction-handler.js';
import { apiError, failureStatus, successStatus, type KubeStatus } from './kube-status.js';
import { parseJsonObject } from './http-io.js';

interface EvictionBody {
  deleteOptions?: {
    preconditions?: { uid?: string; resourceVersion?: string };
    gracePeriodSeconds?: number;
    dryRun?: string[];
  };
}

export const parseEviction = (
  body: string,
  target: { namespace: string; name: string },
  dryRunQuery: string[],
): EvictionRequest => {
  const eviction = parseJsonObject(body, 'policy/v1 Eviction') as unknown as EvictionBody & {
    metadata: { name?: string };
  };
  if (eviction.metadata.name && eviction.metadata.name !== target.name) {
    throw apiError('BadRequest', `name in URL does not match name in Eviction object`);
  }
  const options = eviction.deleteOptions ?? {};
  return {
    ...target,
    preconditions: options.preconditions,
    gracePeriodSeconds: options.gracePeriodSeconds,
    dryRun: [...dryRunQuery, ...(options.dryRun ?? [])].includes('All'),
  };
};

// Without disruption rules an eviction is a delete, as on a cluster with no PodDisruptionBudget.
export const evictWithoutBudgets =
  (store: ClusterStore): EvictionHandler =>
  (request) => {
    const pod = store.get('pods', request.namespace, request.name);
    if (!pod) return { kind: 'not-found' };
    if (request.preconditions?.uid && request.preconditions.uid !== pod.metadata.uid) {
      return {
        kind: 'conflict',
        message: `Precondition failed: UID in precondition: ${request.preconditions.uid}, UID in object meta: ${pod.metadata.uid}`,
      };
    }
    if (!request.dryRun) {
      store.delete('pods', request.namespace, request.name, {
        preconditions: request.preconditions,
        gracePeriodSeconds: request.gracePeriodSeconds,
      });
    }
    return { kind: 'evicted' };
  };

/** The Status the real eviction subresource answers for each outcome. */
export const evictionStatus = (result: EvictionResult, name: string): KubeStatus => {
  switch (result.kind) {
    case 'evicted':
      return successStatus(201);
    case 'blocked-by-pdb':
      return failureStatus('TooManyRequests', "Cannot evict pod as it would violate the pod's disruption budget.", {
        causes: [{ reason: 'DisruptionBudget', message: result.message }],
      });
    case 'too-many-pdbs':
      return failureStatus('InternalError', `Internal error occurred: ${result.message}`, {
        causes: [{ message: result.message }],
      });
    case 'not-found':
      return failureStatus('NotFound', `pods "${name}" not found`, { name, kind: 'pods' });
    case 'conflict':
      return failureStatus('Conflict', `Operation cannot be fulfilled on pods "${name}": ${result.message}`, {
        name,
        kind: 'pods',
      });
  }
};

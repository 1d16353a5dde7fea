import type { PdbDeleted, PdbObserved } from '#rollcall/domain';
import { resourceVersionOf } from './resource-version.js';
import { NEWER_OR_DELETING, type ProjectionTable } from './upsert-statement.js';
import type { ProjectedRow } from './upsert-waves.js';

export const pdbsTable: ProjectionTable = {
  table: 'pdbs',
  kind: 'PodDisruptionBudget',
  columns: {
    namespace: 'text',
    name: 'text',
    uid: 'text',
    generation: 'bigint',
    observed_generation: 'bigint',
    selector: 'jsonb',
    min_available: 'text',
    max_unavailable: 'text',
    unhealthy_pod_eviction_policy: 'text',
    disruptions_allowed: 'integer',
    current_healthy: 'integer',
    desired_healthy: 'integer',
    expected_pods: 'integer',
    resource_version: 'bigint',
    last_seen_at: 'timestamptz',
    deleted_at: 'timestamptz',
  },
  key: ['namespace', 'name'],
  replaceWhen: NEWER_OR_DELETING,
};

const intOrPercent = (value: number | string | null): string | null => (value === null ? null : String(value));

export function projectPdb(event: PdbObserved | PdbDeleted): ProjectedRow | null {
  const { data } = event;
  const resourceVersion = resourceVersionOf(data.resourceVersion);
  if (resourceVersion === null) return null;
  const deleted = event.type === 'PdbDeleted';
  return {
    key: `${data.namespace}/${data.name}`,
    partitionKey: `${data.namespace}/${data.name}`,
    identity: data.uid,
    resourceVersion,
    deleted,
    row: {
      namespace: data.namespace,
      name: data.name,
      uid: data.uid,
      generation: data.generation,
      observed_generation: data.observedGeneration,
      selector: data.selector,
      min_available: intOrPercent(data.minAvailable),
      max_unavailable: intOrPercent(data.maxUnavailable),
      unhealthy_pod_eviction_policy: data.unhealthyPodEvictionPolicy,
      disruptions_allowed: data.status.disruptionsAllowed,
      current_healthy: data.status.currentHealthy,
      desired_healthy: data.status.desiredHealthy,
      expected_pods: data.status.expectedPods,
      resource_version: resourceVersion.toString(),
      last_seen_at: event.observedAt,
      deleted_at: deleted ? event.occurredAt : null,
    },
  };
}

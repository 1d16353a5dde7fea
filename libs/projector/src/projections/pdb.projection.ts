import type { PdbDeleted, PdbObserved } from '#rollcall/domain';
import { OBSERVATION_COLUMNS, observedRow } from './observed-row.js';
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
    ...OBSERVATION_COLUMNS,
  },
  key: ['namespace', 'name'],
  replaceWhen: NEWER_OR_DELETING,
};

const intOrPercent = (value: number | string | null): string | null => (value === null ? null : String(value));

export function projectPdb(event: PdbObserved | PdbDeleted): ProjectedRow | null {
  const { data } = event;
  const key = `${data.namespace}/${data.name}`;
  const placement = { key, partitionKey: key, deleted: event.type === 'PdbDeleted' };
  return observedRow(event, placement, {
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
  });
}

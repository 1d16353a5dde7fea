import type { Envelope } from '#rollcall/domain';
import { resourceVersionOf } from './resource-version.js';
import type { ProjectedRow } from './upsert-waves.js';

/** The columns every projection table ends with: the version it was seen at, when, and its tombstone. */
export const OBSERVATION_COLUMNS = {
  resource_version: 'bigint',
  last_seen_at: 'timestamptz',
  deleted_at: 'timestamptz',
} as const;

type ObservationEvent = Envelope<string, { readonly uid: string; readonly resourceVersion: string }>;

export interface RowPlacement {
  readonly key: string;
  readonly partitionKey: string;
  readonly deleted: boolean;
}

/** The object's own `columns` plus the observation columns; null when its resourceVersion is not an integer. */
export function observedRow(
  event: ObservationEvent,
  placement: RowPlacement,
  columns: Record<string, unknown>,
): ProjectedRow | null {
  const resourceVersion = resourceVersionOf(event.data.resourceVersion);
  if (resourceVersion === null) return null;
  return {
    ...placement,
    identity: event.data.uid,
    resourceVersion,
    row: {
      ...columns,
      resource_version: resourceVersion.toString(),
      last_seen_at: event.observedAt,
      deleted_at: placement.deleted ? event.occurredAt : null,
    },
  };
}

import type { Envelope, ObjectObservation, ResyncMarker } from '#rollcall/domain';
import type { PoolClient } from 'pg';
import { isClusterEvent, isResyncMarker } from './cluster-event.js';
import type { DetectedGap } from './detected-gap.js';
import { tombstoneLateArrivals } from './late-vanished.js';
import { projectObservation } from './project-observation.js';
import { lockResyncKinds, resyncLockModes } from './resync-lock.js';
import { applyPartitionSeen, applyResyncCompleted, gapSourceOf } from './resync.projection.js';
import { upsertRows, type ProjectionTable } from './upsert-statement.js';
import { upsertWaves, type ProjectedRow } from './upsert-waves.js';

/** A gap and the event after which its WatchGap row belongs in the chain. */
export interface PlacedGap {
  readonly afterEventId: string;
  readonly gap: DetectedGap;
}

async function upsertObservations(
  client: PoolClient,
  observations: readonly ObjectObservation[],
): Promise<PlacedGap[]> {
  const byTable = new Map<ProjectionTable, ProjectedRow[]>();
  for (const observation of observations) {
    const placed = projectObservation(observation);
    if (placed) byTable.set(placed.table, [...(byTable.get(placed.table) ?? []), placed.row]);
  }
  const gaps: PlacedGap[] = [];
  for (const [table, rows] of byTable) {
    for (const wave of upsertWaves(rows)) await upsertRows(client, table, wave);
    const keys = [...new Set(rows.map((row) => row.partitionKey))];
    const gap = await tombstoneLateArrivals(client, table.kind, keys);
    if (gap) gaps.push({ afterEventId: observations[observations.length - 1].id, gap });
  }
  return gaps;
}

async function applyMarker(client: PoolClient, marker: ResyncMarker): Promise<PlacedGap[]> {
  if (marker.type === 'ResyncStarted') return [];
  const vanished =
    marker.type === 'ResyncPartitionSeen'
      ? await applyPartitionSeen(client, marker)
      : await applyResyncCompleted(client, marker);
  return vanished.length === 0 ? [] : [{ afterEventId: marker.id, gap: { source: gapSourceOf(marker), vanished } }];
}

/**
 * Applies events in order: observations between two resync markers go in multi-row upserts, and
 * each marker sees exactly the observations that preceded it. Events of other streams are ignored.
 */
export async function applyProjections(client: PoolClient, events: readonly Envelope[]): Promise<PlacedGap[]> {
  await lockResyncKinds(client, resyncLockModes(events));
  const gaps: PlacedGap[] = [];
  let pending: ObjectObservation[] = [];
  for (const event of events) {
    if (!isClusterEvent(event)) continue;
    if (isResyncMarker(event)) {
      gaps.push(...(await upsertObservations(client, pending)));
      pending = [];
      gaps.push(...(await applyMarker(client, event)));
    } else {
      pending.push(event);
    }
  }
  gaps.push(...(await upsertObservations(client, pending)));
  return gaps;
}

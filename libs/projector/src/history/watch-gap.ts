import { createHash } from 'node:crypto';
import { canonicalJson, type Envelope } from '#rollcall/domain';
import type { DetectedGap } from '../projections/detected-gap.js';

export const WATCH_GAP_TYPE = 'WatchGap';

/**
 * A WatchGap is recorded only when a relist reveals objects that vanished unseen: the resync
 * markers themselves are history rows already, so "a relist happened" needs no extra row. Its id
 * derives from the marker and the vanished objects, so each detection is one row.
 */
export function watchGapEvent({ source, vanished }: DetectedGap): Envelope<typeof WATCH_GAP_TYPE> {
  const digest = createHash('sha256').update(canonicalJson(vanished)).digest('hex').slice(0, 16);
  return {
    id: `${source.markerId}/${WATCH_GAP_TYPE}/${digest}`,
    type: WATCH_GAP_TYPE,
    schemaVersion: 1,
    occurredAt: source.occurredAt,
    observedAt: source.observedAt,
    correlationId: source.correlationId,
    causationId: source.markerId,
    actor: null,
    data: {
      kind: source.kind,
      relistId: source.relistId,
      ...(source.partitionKey === null ? {} : { partitionKey: source.partitionKey }),
      vanished,
    },
  };
}

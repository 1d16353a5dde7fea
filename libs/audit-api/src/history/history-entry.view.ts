import type { Actor } from '#rollcall/domain';

export interface HistoryEntryRow {
  readonly chain: string;
  readonly seq: string;
  readonly event_id: string;
  readonly type: string;
  readonly schema_version: number;
  readonly occurred_at: Date;
  readonly observed_at: Date;
  readonly recorded_at: Date;
  readonly node: string | null;
  readonly namespace: string | null;
  readonly daemonset: string | null;
  readonly rollout_id: string | null;
  readonly actor: Actor | null;
  readonly correlation_id: string;
  readonly causation_id: string | null;
  readonly data: unknown;
  readonly prev_hash: string;
  readonly hash: string;
  readonly occurred_us: string;
}

/**
 * One history entry with every field its hash covers, named as in the domain's HistoryEntry but
 * `eventId` shown as `id`, so an auditor can recompute `hash = sha256(prevHash || canonicalJson(content))`.
 */
export interface HistoryEntryView {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly observedAt: string;
  readonly recordedAt: string;
  readonly actor: Actor | null;
  readonly node: string | null;
  readonly namespace: string | null;
  readonly daemonset: string | null;
  readonly rolloutId: string | null;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly data: unknown;
  readonly chain: string;
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

export function toHistoryEntryView(row: HistoryEntryRow): HistoryEntryView {
  return {
    id: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    occurredAt: row.occurred_at.toISOString(),
    observedAt: row.observed_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    actor: row.actor,
    node: row.node,
    namespace: row.namespace,
    daemonset: row.daemonset,
    rolloutId: row.rollout_id,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    data: row.data,
    chain: row.chain,
    seq: Number(row.seq),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

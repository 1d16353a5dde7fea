import type { DaemonSetStatusCounts, LabelSelectorData, ObservedContainerImage } from '#rollcall/domain';

export interface UpdateStrategy {
  readonly type: string;
  readonly maxUnavailable: number | string | null;
  readonly maxSurge: number | string | null;
}

/** A row of `daemonset_overview`. */
export interface DaemonSetRow {
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly generation: string;
  readonly observed_generation: string | null;
  readonly update_strategy: UpdateStrategy;
  readonly selector: LabelSelectorData;
  readonly containers: ObservedContainerImage[];
  readonly images: string[];
  readonly template_generation: string | null;
  readonly change_cause: string | null;
  readonly status: DaemonSetStatusCounts;
  readonly status_trusted: boolean;
  readonly current_revision_hash: string | null;
  readonly current_revision_number: string | null;
  readonly last_seen_at: Date;
  readonly deleted_at: Date | null;
}

export const DAEMONSET_COLUMNS =
  'namespace, name, uid, generation, observed_generation, update_strategy, selector, containers, images, ' +
  'template_generation, change_cause, status, status_trusted, current_revision_hash, current_revision_number, ' +
  'last_seen_at, deleted_at';

export interface DaemonSetView {
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly generation: number;
  readonly observedGeneration: number | null;
  readonly updateStrategy: UpdateStrategy;
  readonly selector: LabelSelectorData;
  readonly containers: readonly ObservedContainerImage[];
  readonly images: readonly string[];
  readonly templateGeneration: string | null;
  readonly changeCause: string | null;
  /** The ControllerRevision with the highest revision number: the rollout target. */
  readonly currentRevision: { readonly hash: string | null; readonly number: number } | null;
  /** Counts are trustworthy only when `trusted` (observedGeneration >= generation). */
  readonly status: DaemonSetStatusCounts & { readonly trusted: boolean };
  readonly lastSeenAt: string;
  readonly deletedAt: string | null;
}

export function toDaemonSetView(row: DaemonSetRow): DaemonSetView {
  return {
    namespace: row.namespace,
    name: row.name,
    uid: row.uid,
    generation: Number(row.generation),
    observedGeneration: row.observed_generation === null ? null : Number(row.observed_generation),
    updateStrategy: row.update_strategy,
    selector: row.selector,
    containers: row.containers,
    images: row.images,
    templateGeneration: row.template_generation,
    changeCause: row.change_cause,
    currentRevision:
      row.current_revision_number === null
        ? null
        : { hash: row.current_revision_hash, number: Number(row.current_revision_number) },
    status: { ...row.status, trusted: row.status_trusted },
    lastSeenAt: row.last_seen_at.toISOString(),
    deletedAt: row.deleted_at?.toISOString() ?? null,
  };
}

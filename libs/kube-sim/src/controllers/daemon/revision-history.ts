export interface KnownRevision {
  readonly name: string;
  readonly hash: string;
  readonly revision: number;
}

export type CurrentRevisionStep =
  | { readonly kind: 'create'; readonly revision: number }
  | { readonly kind: 'keep'; readonly name: string }
  /** A rollback: the old revision object is reused and moves to the front, so its hash stays. */
  | { readonly kind: 'bump'; readonly name: string; readonly revision: number };

export interface RevisionPlan {
  readonly current: CurrentRevisionStep;
  /** Old revisions beyond the history limit that no live pod runs. */
  readonly prune: readonly string[];
}

export const DEFAULT_REVISION_HISTORY_LIMIT = 10;

/** Decides how the DaemonSet's revision history follows its template (constructHistory + cleanupHistory). */
export function planRevisions(
  templateHash: string,
  revisions: readonly KnownRevision[],
  hashesInUse: ReadonlySet<string>,
  historyLimit: number = DEFAULT_REVISION_HISTORY_LIMIT,
): RevisionPlan {
  const maxRevision = revisions.reduce((max, known) => Math.max(max, known.revision), 0);
  const matching = revisions.find((known) => known.hash === templateHash);
  const current: CurrentRevisionStep =
    matching === undefined
      ? { kind: 'create', revision: maxRevision + 1 }
      : matching.revision === maxRevision
        ? { kind: 'keep', name: matching.name }
        : { kind: 'bump', name: matching.name, revision: maxRevision + 1 };
  const removable = revisions
    .filter((known) => known !== matching && !hashesInUse.has(known.hash))
    .sort((left, right) => left.revision - right.revision);
  const excess = revisions.length - (matching === undefined ? 0 : 1) - historyLimit;
  const prune = excess > 0 ? removable.slice(0, excess).map((known) => known.name) : [];
  return { current, prune };
}

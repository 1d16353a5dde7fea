/** A projected row with the ordering facts the upsert needs. */
export interface ProjectedRow {
  /** The table key, e.g. a node name. */
  readonly key: string;
  /** The key the watcher published it under, which resync markers speak of. */
  readonly partitionKey: string;
  /** The object behind it (several pods may pass through one node's row). */
  readonly identity: string;
  readonly resourceVersion: bigint;
  readonly deleted: boolean;
  readonly row: Record<string, unknown>;
}

const newer = (a: ProjectedRow, b: ProjectedRow): boolean =>
  a.resourceVersion > b.resourceVersion || (a.resourceVersion === b.resourceVersion && a.deleted && !b.deleted);

/**
 * Splits rows into waves with at most one row per key each (one upsert cannot touch a row twice):
 * the latest version of each object, objects sharing a key ordered by resourceVersion.
 */
export function upsertWaves(rows: readonly ProjectedRow[]): Record<string, unknown>[][] {
  const latest = new Map<string, ProjectedRow>();
  for (const row of rows) {
    const id = `${row.key}\u0000${row.identity}`;
    const known = latest.get(id);
    if (!known || newer(row, known)) latest.set(id, row);
  }
  const byKey = new Map<string, ProjectedRow[]>();
  for (const row of latest.values()) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  const waves: Record<string, unknown>[][] = [];
  for (const group of byKey.values()) {
    group.sort((a, b) => (newer(a, b) ? 1 : newer(b, a) ? -1 : 0));
    group.forEach((row, index) => (waves[index] ??= []).push(row.row));
  }
  return waves;
}

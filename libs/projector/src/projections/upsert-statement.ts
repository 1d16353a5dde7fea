import type { ClusterResourceKind } from '#rollcall/domain';
import type { PoolClient } from 'pg';

/** How one projection table is written: its columns, key, and when an incoming row may replace a stored one. */
export interface ProjectionTable {
  readonly table: string;
  readonly kind: ClusterResourceKind;
  /** Column name to PostgreSQL type, in insert order. */
  readonly columns: Readonly<Record<string, string>>;
  readonly key: readonly string[];
  /** Boolean SQL over `t` (stored) and `excluded` (incoming): the row is updated only when true. */
  readonly replaceWhen: string;
  /** Per-column update expressions where plain `excluded.<column>` is wrong. */
  readonly updateExpressions?: Readonly<Record<string, string>>;
}

/** One multi-row upsert for a set of rows with distinct keys, read from a single jsonb parameter. */
export function upsertSql(spec: ProjectionTable): string {
  const names = Object.keys(spec.columns);
  const recordType = names.map((name) => `${name} ${spec.columns[name]}`).join(', ');
  const updates = names
    .filter((name) => !spec.key.includes(name))
    .map((name) => `${name} = ${spec.updateExpressions?.[name] ?? `excluded.${name}`}`)
    .join(', ');
  return (
    `INSERT INTO ${spec.table} AS t (${names.join(', ')}) ` +
    `SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${recordType}) ` +
    `ON CONFLICT (${spec.key.join(', ')}) DO UPDATE SET ${updates} WHERE ${spec.replaceWhen}`
  );
}

export async function upsertRows(
  client: PoolClient,
  spec: ProjectionTable,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length > 0) await client.query(upsertSql(spec), [JSON.stringify(rows)]);
}

/** The usual rule: a newer resourceVersion wins, and a deletion at the same version still tombstones. */
export const NEWER_OR_DELETING =
  'excluded.resource_version > t.resource_version OR ' +
  '(excluded.deleted_at IS NOT NULL AND t.deleted_at IS NULL AND excluded.resource_version >= t.resource_version)';

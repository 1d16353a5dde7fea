import type { SqlQuery } from '../history/history-sql.js';
import { HISTORY_ENTRY_COLUMNS } from '../history/history-sql.js';
import type { ExportFilter } from './export.query.js';

/** Where the previous page of an export stopped. */
export interface ChainPosition {
  readonly chain: string;
  readonly seq: string;
}

/**
 * One page of an export in chain order (chain, seq), continuing strictly after `after`: keyset
 * pages keep no connection or transaction open while a slow client reads the stream.
 */
export function exportPageSql(filter: ExportFilter, after: ChainPosition | undefined, limit: number): SqlQuery {
  const values: unknown[] = [];
  const bind = (value: unknown): string => `$${values.push(value)}`;
  const where = [`occurred_at >= ${bind(filter.from)}`, `occurred_at < ${bind(filter.to)}`];
  if (filter.node !== undefined) where.push(`node = ${bind(filter.node)}`);
  if (filter.namespace !== undefined) where.push(`namespace = ${bind(filter.namespace)}`);
  if (filter.daemonset !== undefined) where.push(`daemonset = ${bind(filter.daemonset)}`);
  if (filter.type !== undefined) where.push(`type = any(${bind(filter.type)}::text[])`);
  if (after !== undefined) where.push(`(chain, seq) > (${bind(after.chain)}, ${bind(after.seq)}::bigint)`);
  const text =
    `select ${HISTORY_ENTRY_COLUMNS} from history where ${where.join(' and ')}` +
    ` order by chain asc, seq asc limit ${bind(limit)}`;
  return { text, values };
}

import type { HistoryKey, HistoryOrder } from './history-key.js';
import type { HistoryFilter } from './history.query.js';

export interface SqlQuery {
  readonly text: string;
  readonly values: unknown[];
}

export const HISTORY_ENTRY_COLUMNS =
  'chain, seq, event_id, type, schema_version, occurred_at, observed_at, recorded_at, node, namespace, daemonset, ' +
  'rollout_id, actor, correlation_id, causation_id, data, prev_hash, hash, ' +
  '(extract(epoch from occurred_at) * 1000000)::bigint::text as occurred_us';

const MICROSECONDS_SINCE_EPOCH = (placeholder: string) =>
  `(timestamptz 'epoch' + ${placeholder}::bigint * interval '1 microsecond')`;

/**
 * One page of the history in (occurred_at, event id, chain, seq) order. Every filter is an equality
 * or range the history indexes lead with, so the planner can pick (node, occurred_at) and its kin.
 */
export function historyPageSql(
  filter: HistoryFilter,
  order: HistoryOrder,
  after: HistoryKey | undefined,
  limit: number,
): SqlQuery {
  const values: unknown[] = [];
  const where: string[] = [];
  const bind = (value: unknown): string => `$${values.push(value)}`;
  if (filter.node !== undefined) where.push(`node = ${bind(filter.node)}`);
  if (filter.namespace !== undefined) where.push(`namespace = ${bind(filter.namespace)}`);
  if (filter.daemonset !== undefined) where.push(`daemonset = ${bind(filter.daemonset)}`);
  if (filter.type !== undefined) where.push(`type = any(${bind(filter.type)}::text[])`);
  if (filter.actor !== undefined) where.push(`actor_id = ${bind(filter.actor)}`);
  if (filter.rollout !== undefined) where.push(`rollout_id = ${bind(filter.rollout)}`);
  if (filter.from !== undefined) where.push(`occurred_at >= ${bind(filter.from)}`);
  if (filter.to !== undefined) where.push(`occurred_at < ${bind(filter.to)}`);
  if (after !== undefined) {
    const time = MICROSECONDS_SINCE_EPOCH(bind(after.occurredUs));
    const rest = [bind(after.eventId), bind(after.chain), `${bind(after.seq)}::bigint`].join(', ');
    where.push(`(occurred_at, event_id, chain, seq) ${order === 'asc' ? '>' : '<'} (${time}, ${rest})`);
  }
  const direction = order === 'asc' ? 'asc' : 'desc';
  const text =
    `select ${HISTORY_ENTRY_COLUMNS} from history` +
    (where.length === 0 ? '' : ` where ${where.join(' and ')}`) +
    ` order by occurred_at ${direction}, event_id ${direction}, chain ${direction}, seq ${direction}` +
    ` limit ${bind(limit)}`;
  return { text, values };
}

import { Inject, Injectable } from '@nestjs/common';
import type { NodeData, PodData } from '#rollcall/domain';
import { PG_POOL } from '#rollcall/postgres';
import type pg from 'pg';

export interface PodAtTimeRow {
  readonly namespace: string;
  readonly daemonset: string | null;
  readonly occurred_at: Date;
  readonly since: Date;
  readonly data: PodData;
}

export interface NodeAtTimeRow {
  readonly type: 'NodeObserved' | 'NodeDeleted';
  readonly occurred_at: Date;
  readonly data: NodeData;
}

// A pod's life on the node ends with a PodDeleted, or with a WatchGap that found it vanished.
// Its revision "since" is the first observation on its current revision after any other revision.
const PODS_AT = `
with pod_events as (
  select data ->> 'uid' as pod_uid, type, occurred_at, chain, seq, namespace, daemonset, data
    from history
   where node = $1 and occurred_at <= $2 and type in ('PodObserved', 'PodDeleted')
  union all
  select vanished ->> 'uid', type, occurred_at, chain, seq, null, null, null
    from history, jsonb_array_elements(data -> 'vanished') as vanished
   where node = $1 and occurred_at <= $2 and type = 'WatchGap' and data ->> 'kind' = 'Pod'
),
latest as (
  select distinct on (pod_uid) *
    from pod_events
   order by pod_uid, occurred_at desc, (type = 'PodObserved'), chain, seq desc
)
select l.namespace, l.daemonset, l.occurred_at, l.data,
       (select min(e.occurred_at) from pod_events e
         where e.pod_uid = l.pod_uid and e.type = 'PodObserved'
           and e.data ->> 'revisionHash' is not distinct from l.data ->> 'revisionHash'
           and e.occurred_at > coalesce(
                 (select max(o.occurred_at) from pod_events o
                   where o.pod_uid = l.pod_uid and o.type = 'PodObserved'
                     and o.data ->> 'revisionHash' is distinct from l.data ->> 'revisionHash'),
                 '-infinity')) as since
  from latest l
 where l.type = 'PodObserved'
 order by l.namespace, l.daemonset, l.data ->> 'name'`;

/** Answers "what ran on node X at time T" from the history alone, through its (node, occurred_at) index. */
@Injectable()
export class NodeAtTimeRepository {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async isKnown(node: string): Promise<boolean> {
    const known = await this.pool.query<{ known: boolean }>(
      `select exists (select 1 from nodes where name = $1) or exists (select 1 from history where node = $1) as known`,
      [node],
    );
    return known.rows[0].known;
  }

  async nodeAt(node: string, at: Date): Promise<NodeAtTimeRow | undefined> {
    const latest = await this.pool.query<NodeAtTimeRow>(
      `select type, occurred_at, data from history
        where node = $1 and occurred_at <= $2 and type in ('NodeObserved', 'NodeDeleted')
        order by occurred_at desc, (type = 'NodeObserved'), chain, seq desc
        limit 1`,
      [node, at],
    );
    return latest.rows[0];
  }

  async podsAt(node: string, at: Date): Promise<PodAtTimeRow[]> {
    return (await this.pool.query<PodAtTimeRow>(PODS_AT, [node, at])).rows;
  }
}

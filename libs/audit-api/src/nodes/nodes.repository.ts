import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '#rollcall/postgres';
import type pg from 'pg';
import { DAEMONSET_POD_COLUMNS, type DaemonSetPodRow } from '../daemonsets/daemonset-pod.view.js';
import type { LabelSelector } from '../query/label-selector.js';
import type { NodeRow } from './node.view.js';

export interface NodeFilter {
  readonly labels: LabelSelector;
  readonly ready: boolean | undefined;
  readonly includeDeleted: boolean;
}

const COLUMNS = 'name, uid, labels, taints, ready, schedulable, kubelet_version, last_seen_at, deleted_at';

/** The `nodes` projection, and the DaemonSet pods on a node. */
@Injectable()
export class NodesRepository {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /** Pages by name; `after` is the last name of the previous page. */
  async list(filter: NodeFilter, limit: number, after: string | undefined): Promise<NodeRow[]> {
    const { equal, notEqual, present, absent } = filter.labels;
    const page = await this.pool.query<NodeRow>(
      `select ${COLUMNS} from nodes
        where ($2::text is null or name > $2)
          and ($3::boolean or deleted_at is null)
          and ($4::boolean is null or ready = $4)
          and labels @> $5::jsonb
          and not exists (select 1 from jsonb_array_elements($6::jsonb) excluded where labels @> excluded)
          and labels ?& $7::text[]
          and not labels ?| $8::text[]
        order by name
        limit $1`,
      [
        limit,
        after ?? null,
        filter.includeDeleted,
        filter.ready ?? null,
        JSON.stringify(equal),
        JSON.stringify(notEqual),
        present,
        absent,
      ],
    );
    return page.rows;
  }

  async find(name: string): Promise<NodeRow | undefined> {
    const found = await this.pool.query<NodeRow>(`select ${COLUMNS} from nodes where name = $1`, [name]);
    return found.rows[0];
  }

  /** The first observation of this node object (this uid) in the history, through the (node, occurred_at) index. */
  async firstObservedAt(name: string, uid: string): Promise<Date | null> {
    const first = await this.pool.query<{ occurred_at: Date }>(
      `select occurred_at from history
        where node = $1 and type = 'NodeObserved' and data ->> 'uid' = $2
        order by occurred_at limit 1`,
      [name, uid],
    );
    return first.rows[0]?.occurred_at ?? null;
  }

  async daemonSetPodsOn(name: string): Promise<DaemonSetPodRow[]> {
    const pods = await this.pool.query<DaemonSetPodRow>(
      `select ${DAEMONSET_POD_COLUMNS} from daemonset_node_overview
        where node = $1 and deleted_at is null
        order by namespace, daemonset`,
      [name],
    );
    return pods.rows;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '#rollcall/postgres';
import type pg from 'pg';
import { DAEMONSET_POD_COLUMNS, type DaemonSetPodRow } from './daemonset-pod.view.js';
import { DAEMONSET_COLUMNS, type DaemonSetRow } from './daemonset.view.js';

export interface DaemonSetKey {
  readonly namespace: string;
  readonly name: string;
}

/** The `daemonset_overview` and `daemonset_node_overview` views. */
@Injectable()
export class DaemonSetsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /** Pages by (namespace, name); `after` is the key of the last row of the previous page. */
  async list(
    namespace: string | undefined,
    includeDeleted: boolean,
    limit: number,
    after: DaemonSetKey | undefined,
  ): Promise<DaemonSetRow[]> {
    const page = await this.pool.query<DaemonSetRow>(
      `select ${DAEMONSET_COLUMNS} from daemonset_overview
        where ($2::text is null or (namespace, name) > ($2, $3::text))
          and ($4::text is null or namespace = $4)
          and ($5::boolean or deleted_at is null)
        order by namespace, name
        limit $1`,
      [limit, after?.namespace ?? null, after?.name ?? null, namespace ?? null, includeDeleted],
    );
    return page.rows;
  }

  async find({ namespace, name }: DaemonSetKey): Promise<DaemonSetRow | undefined> {
    const found = await this.pool.query<DaemonSetRow>(
      `select ${DAEMONSET_COLUMNS} from daemonset_overview where namespace = $1 and name = $2`,
      [namespace, name],
    );
    return found.rows[0];
  }

  /** The DaemonSet's live pods, one per node, paged by node name. */
  async podsByNode(
    { namespace, name }: DaemonSetKey,
    upToDate: boolean | undefined,
    limit: number,
    afterNode: string | undefined,
  ): Promise<DaemonSetPodRow[]> {
    const page = await this.pool.query<DaemonSetPodRow>(
      `select ${DAEMONSET_POD_COLUMNS} from daemonset_node_overview
        where namespace = $1 and daemonset = $2 and deleted_at is null
          and ($4::text is null or node > $4)
          and ($5::boolean is null or up_to_date = $5)
        order by node
        limit $3`,
      [namespace, name, limit, afterNode ?? null, upToDate ?? null],
    );
    return page.rows;
  }
}

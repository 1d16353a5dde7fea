import { Inject, Injectable } from '@nestjs/common';
import { toPage, type Page } from '#rollcall/http';
import { AuditApiException, AuditApiExceptionCode } from '../audit-api.exception.js';
import { cursorKeyOf } from '../query/cursor-key.js';
import { toDaemonSetPodView, type DaemonSetPodView } from './daemonset-pod.view.js';
import type { DaemonSetListQuery, DaemonSetNodesQuery, DaemonSetParams } from './daemonset.query.js';
import { toDaemonSetView, type DaemonSetView } from './daemonset.view.js';
import { DaemonSetsRepository } from './daemonsets.repository.js';

/** DaemonSets and their per-node state as the cluster projection knows them now. */
@Injectable()
export class DaemonSetsService {
  constructor(@Inject(DaemonSetsRepository) private readonly daemonSets: DaemonSetsRepository) {}

  async list(query: DaemonSetListQuery): Promise<Page<DaemonSetView>> {
    const key = cursorKeyOf(query.cursor, 2);
    const after = key === undefined ? undefined : { namespace: key[0], name: key[1] };
    const rows = await this.daemonSets.list(query.namespace, query.includeDeleted, query.limit + 1, after);
    return toPage(rows, query.limit, (row) => [row.namespace, row.name], toDaemonSetView);
  }

  async get(key: DaemonSetParams): Promise<DaemonSetView> {
    return toDaemonSetView(await this.existing(key));
  }

  async nodes(key: DaemonSetParams, query: DaemonSetNodesQuery): Promise<Page<DaemonSetPodView>> {
    const afterNode = cursorKeyOf(query.cursor, 1)?.[0];
    await this.existing(key);
    const rows = await this.daemonSets.podsByNode(key, query.upToDate, query.limit + 1, afterNode);
    return toPage(rows, query.limit, (row) => [row.node], toDaemonSetPodView);
  }

  private async existing(key: DaemonSetParams) {
    const row = await this.daemonSets.find(key);
    if (row === undefined) {
      throw new AuditApiException(
        AuditApiExceptionCode.DaemonSetNotFound,
        `No DaemonSet ${key.name} in namespace ${key.namespace}.`,
      );
    }
    return row;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { toPage, type Page } from '#rollcall/http';
import { AuditApiException, AuditApiExceptionCode } from '../audit-api.exception.js';
import { toDaemonSetPodView } from '../daemonsets/daemonset-pod.view.js';
import { cursorKeyOf } from '../query/cursor-key.js';
import type { NodeListQuery } from './node.query.js';
import { toNodeDetailView, toNodeView, type NodeDetailView, type NodeView } from './node.view.js';
import { NodesRepository } from './nodes.repository.js';

/** Nodes as the cluster projection knows them now. */
@Injectable()
export class NodesService {
  constructor(@Inject(NodesRepository) private readonly nodes: NodesRepository) {}

  async list(query: NodeListQuery): Promise<Page<NodeView>> {
    const after = cursorKeyOf(query.cursor, 1)?.[0];
    const filter = { labels: query.labelSelector, ready: query.ready, includeDeleted: query.includeDeleted };
    const rows = await this.nodes.list(filter, query.limit + 1, after);
    return toPage(rows, query.limit, (row) => [row.name], toNodeView);
  }

  async get(name: string): Promise<NodeDetailView> {
    const row = await this.nodes.find(name);
    if (row === undefined) throw new AuditApiException(AuditApiExceptionCode.NodeNotFound, `No node is named ${name}.`);
    const [since, pods] = await Promise.all([
      this.nodes.firstObservedAt(row.name, row.uid),
      this.nodes.daemonSetPodsOn(row.name),
    ]);
    return toNodeDetailView(row, since, pods.map(toDaemonSetPodView));
  }
}

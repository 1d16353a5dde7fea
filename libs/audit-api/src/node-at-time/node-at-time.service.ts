import { Inject, Injectable } from '@nestjs/common';
import { AuditApiException, AuditApiExceptionCode } from '../audit-api.exception.js';
import { NodeAtTimeRepository } from './node-at-time.repository.js';
import { toNodeAtTimeView, type NodeAtTimeView } from './node-at-time.view.js';

/** What ran on a node at a past time, as the history recorded it. */
@Injectable()
export class NodeAtTimeService {
  constructor(@Inject(NodeAtTimeRepository) private readonly history: NodeAtTimeRepository) {}

  async at(node: string, at: Date): Promise<NodeAtTimeView> {
    if (!(await this.history.isKnown(node))) {
      throw new AuditApiException(AuditApiExceptionCode.NodeNotFound, `No node named ${node} was ever observed.`);
    }
    const [nodeRow, podRows] = await Promise.all([this.history.nodeAt(node, at), this.history.podsAt(node, at)]);
    return toNodeAtTimeView(node, at, nodeRow, podRows);
  }
}

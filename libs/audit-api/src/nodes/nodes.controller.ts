import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '#rollcall/auth';
import { ApiProblemResponses, ZodValidationPipe, type Page } from '#rollcall/http';
import { BOOLEAN_PARAM, CURSOR_PARAM, LIMIT_PARAM } from '../query/openapi-schemas.js';
import { nodeListQuerySchema, nodeParamsSchema, type NodeListQuery, type NodeParams } from './node.query.js';
import type { NodeDetailView, NodeView } from './node.view.js';
import { NODE_DETAIL_SCHEMA, NODE_PAGE_SCHEMA } from './nodes.openapi.js';
import { NodesService } from './nodes.service.js';

@ApiTags('nodes')
@Controller('v1/nodes')
@Roles('viewer')
export class NodesController {
  constructor(@Inject(NodesService) private readonly nodes: NodesService) {}

  @Get()
  @ApiOperation({ summary: 'List nodes by name, filtered by labels and readiness' })
  @ApiQuery(LIMIT_PARAM(100, 500))
  @ApiQuery(CURSOR_PARAM)
  @ApiQuery({ name: 'labelSelector', required: false, example: 'zone=a,!spot', schema: { type: 'string' } })
  @ApiQuery(BOOLEAN_PARAM('ready', 'Only ready (true) or not ready (false) nodes'))
  @ApiQuery(BOOLEAN_PARAM('includeDeleted', 'Also nodes that left the cluster (default false)'))
  @ApiResponse({ status: 200, schema: NODE_PAGE_SCHEMA })
  @ApiProblemResponses(422)
  list(@Query(new ZodValidationPipe(nodeListQuerySchema)) query: NodeListQuery): Promise<Page<NodeView>> {
    return this.nodes.list(query);
  }

  @Get(':node')
  @ApiOperation({ summary: 'One node: labels, taints, readiness, since when, and the DaemonSet pods on it now' })
  @ApiParam({ name: 'node', schema: { type: 'string' } })
  @ApiResponse({ status: 200, schema: NODE_DETAIL_SCHEMA })
  @ApiProblemResponses(404, 422)
  get(@Param(new ZodValidationPipe(nodeParamsSchema)) params: NodeParams): Promise<NodeDetailView> {
    return this.nodes.get(params.node);
  }
}

import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '#rollcall/auth';
import { ApiProblemResponses, ZodValidationPipe } from '#rollcall/http';
import { nodeParamsSchema, type NodeParams } from '../nodes/node.query.js';
import { TIMESTAMP } from '../query/openapi-schemas.js';
import { NODE_AT_TIME_SCHEMA } from './node-at-time.openapi.js';
import { nodeAtTimeQuerySchema, type NodeAtTimeQuery } from './node-at-time.query.js';
import { NodeAtTimeService } from './node-at-time.service.js';
import type { NodeAtTimeView } from './node-at-time.view.js';

@ApiTags('history')
@Controller('v1/nodes')
@Roles('auditor')
export class NodeAtTimeController {
  constructor(@Inject(NodeAtTimeService) private readonly nodes: NodeAtTimeService) {}

  @Get(':node/daemonsets')
  @ApiOperation({ summary: 'What ran on the node at a past time: DaemonSet pods, revisions, images, since when' })
  @ApiParam({ name: 'node', schema: { type: 'string' } })
  @ApiQuery({ name: 'at', required: true, description: 'RFC 3339 time', schema: TIMESTAMP })
  @ApiResponse({ status: 200, schema: NODE_AT_TIME_SCHEMA })
  @ApiProblemResponses(404, 422)
  at(
    @Param(new ZodValidationPipe(nodeParamsSchema)) params: NodeParams,
    @Query(new ZodValidationPipe(nodeAtTimeQuerySchema)) query: NodeAtTimeQuery,
  ): Promise<NodeAtTimeView> {
    return this.nodes.at(params.node, query.at);
  }
}

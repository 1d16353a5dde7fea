import { applyDecorators, Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '#rollcall/auth';
import { ApiProblemResponses, ZodValidationPipe, type Page } from '#rollcall/http';
import { BOOLEAN_PARAM, CURSOR_PARAM, LIMIT_PARAM } from '../query/openapi-schemas.js';
import type { DaemonSetPodView } from './daemonset-pod.view.js';
import {
  daemonSetListQuerySchema,
  daemonSetNodesQuerySchema,
  daemonSetParamsSchema,
  type DaemonSetListQuery,
  type DaemonSetNodesQuery,
  type DaemonSetParams,
} from './daemonset.query.js';
import type { DaemonSetView } from './daemonset.view.js';
import { DAEMONSET_PAGE_SCHEMA, DAEMONSET_POD_PAGE_SCHEMA, DAEMONSET_SCHEMA } from './daemonsets.openapi.js';
import { DaemonSetsService } from './daemonsets.service.js';

const params = new ZodValidationPipe(daemonSetParamsSchema);

const DaemonSetPath = () =>
  applyDecorators(
    ApiParam({ name: 'namespace', schema: { type: 'string' } }),
    ApiParam({ name: 'name', schema: { type: 'string' } }),
  );

@ApiTags('daemonsets')
@Controller('v1/daemonsets')
@Roles('viewer')
export class DaemonSetsController {
  constructor(@Inject(DaemonSetsService) private readonly daemonSets: DaemonSetsService) {}

  @Get()
  @ApiOperation({ summary: 'List DaemonSets by namespace and name' })
  @ApiQuery(LIMIT_PARAM(100, 500))
  @ApiQuery(CURSOR_PARAM)
  @ApiQuery({ name: 'namespace', required: false, schema: { type: 'string' } })
  @ApiQuery(BOOLEAN_PARAM('includeDeleted', 'Also deleted DaemonSets (default false)'))
  @ApiResponse({ status: 200, schema: DAEMONSET_PAGE_SCHEMA })
  @ApiProblemResponses(422)
  list(
    @Query(new ZodValidationPipe(daemonSetListQuerySchema)) query: DaemonSetListQuery,
  ): Promise<Page<DaemonSetView>> {
    return this.daemonSets.list(query);
  }

  @Get(':namespace/:name')
  @DaemonSetPath()
  @ApiOperation({ summary: 'One DaemonSet: spec summary, target revision, images, status counts, update strategy' })
  @ApiResponse({ status: 200, schema: DAEMONSET_SCHEMA })
  @ApiProblemResponses(404, 422)
  get(@Param(params) key: DaemonSetParams): Promise<DaemonSetView> {
    return this.daemonSets.get(key);
  }

  @Get(':namespace/:name/nodes')
  @DaemonSetPath()
  @ApiOperation({ summary: 'The DaemonSet’s pod on each node: revision, images, readiness, restarts, up to date' })
  @ApiQuery(LIMIT_PARAM(100, 1000))
  @ApiQuery(CURSOR_PARAM)
  @ApiQuery(BOOLEAN_PARAM('upToDate', 'Only pods on (true) or off (false) the target revision'))
  @ApiResponse({ status: 200, schema: DAEMONSET_POD_PAGE_SCHEMA })
  @ApiProblemResponses(404, 422)
  nodes(
    @Param(params) key: DaemonSetParams,
    @Query(new ZodValidationPipe(daemonSetNodesQuerySchema)) query: DaemonSetNodesQuery,
  ): Promise<Page<DaemonSetPodView>> {
    return this.daemonSets.nodes(key, query);
  }
}

import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor as TokenActor, requestingActor } from '#rollcall/auth';
import { ApiProblemResponses, Idempotent, ZodValidationPipe } from '#rollcall/http';
import { RolloutService, type RolloutPage, type RolloutView, type TimelinePage } from '#rollcall/orchestrator';
import { RolloutErrorsInterceptor } from '../errors/rollout-errors.interceptor.js';
import { ROLLOUT_REQUEST_BODY } from '../openapi/rollout-request.openapi.js';
import { ROLLOUT_PAGE_SCHEMA, ROLLOUT_PLAN_SCHEMA, ROLLOUT_SCHEMA } from '../openapi/rollout-response.openapi.js';
import { TIMELINE_PAGE_SCHEMA } from '../openapi/rollout-history.openapi.js';
import {
  ROLLOUT_STATES,
  rolloutEventsQuerySchema,
  rolloutListQuerySchema,
  type RolloutEventsQuery,
  type RolloutListQuery,
} from './rollout-list.query.js';
import { RolloutLocationInterceptor } from './rollout-location.interceptor.js';
import { toPlanResponse, type RolloutPlanResponse } from './rollout-plan.response.js';

@ApiTags('rollouts')
@Controller('v1/rollouts')
@UseInterceptors(RolloutErrorsInterceptor)
export class RolloutsController {
  constructor(@Inject(RolloutService) private readonly rollouts: RolloutService) {}

  /** Open to viewers: it changes nothing and shows only cluster state a viewer may read. */
  @Post('plan')
  @HttpCode(200)
  @Roles('viewer')
  @ApiOperation({ summary: 'Dry run: which node lands in which stage and batch, what the PDBs allow now, warnings' })
  @ApiBody({ schema: ROLLOUT_REQUEST_BODY })
  @ApiResponse({ status: 200, schema: ROLLOUT_PLAN_SCHEMA })
  @ApiProblemResponses(404, 422)
  async plan(@Body() request: unknown): Promise<RolloutPlanResponse> {
    return toPlanResponse(await this.rollouts.plan(request));
  }

  @Post()
  @Roles('operator')
  @Idempotent()
  @UseInterceptors(RolloutLocationInterceptor)
  @ApiOperation({ summary: 'Start a staged rollout of a DaemonSet; the caller is its requester' })
  @ApiBody({ schema: ROLLOUT_REQUEST_BODY })
  @ApiResponse({ status: 201, schema: ROLLOUT_SCHEMA, headers: { Location: { schema: { type: 'string' } } } })
  @ApiProblemResponses(404, 409, 422)
  create(
    @CurrentActor() actor: TokenActor,
    @Body() request: unknown,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<RolloutView> {
    return this.rollouts.start(request, requestingActor(actor), idempotencyKey);
  }

  @Get()
  @Roles('viewer')
  @ApiOperation({ summary: 'List rollouts, newest first' })
  @ApiQuery({ name: 'namespace', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'daemonSet', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'state', required: false, schema: { type: 'string', enum: [...ROLLOUT_STATES] } })
  @ApiQuery({
    name: 'requestedBy',
    required: false,
    description: 'The requester’s actor id',
    schema: { type: 'string' },
  })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } })
  @ApiQuery({ name: 'cursor', required: false, schema: { type: 'string' } })
  @ApiResponse({ status: 200, schema: ROLLOUT_PAGE_SCHEMA })
  @ApiProblemResponses(422)
  list(@Query(new ZodValidationPipe(rolloutListQuerySchema)) query: RolloutListQuery): Promise<RolloutPage> {
    const { namespace, daemonSet, state: status, requestedBy, cursor, limit } = query;
    return this.rollouts.list({ namespace, daemonSet, status, requestedBy }, cursor, limit);
  }

  @Get(':id')
  @Roles('viewer')
  @ApiOperation({
    summary: 'One rollout: its state, stages, every node’s status, approvals, audit and latest timeline',
  })
  @ApiParam({ name: 'id', schema: { type: 'string', format: 'uuid' } })
  @ApiResponse({ status: 200, schema: ROLLOUT_SCHEMA })
  @ApiProblemResponses(404)
  get(@Param('id') id: string): Promise<RolloutView> {
    return this.rollouts.get(id);
  }

  @Get(':id/events')
  @Roles('viewer')
  @ApiOperation({ summary: 'The rollout’s full timeline, oldest first, one page at a time' })
  @ApiParam({ name: 'id', schema: { type: 'string', format: 'uuid' } })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } })
  @ApiQuery({ name: 'cursor', required: false, schema: { type: 'string' } })
  @ApiResponse({ status: 200, schema: TIMELINE_PAGE_SCHEMA })
  @ApiProblemResponses(404, 422)
  events(
    @Param('id') id: string,
    @Query(new ZodValidationPipe(rolloutEventsQuerySchema)) query: RolloutEventsQuery,
  ): Promise<TimelinePage> {
    return this.rollouts.events(id, query.cursor, query.limit);
  }
}

import { applyDecorators, Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '#rollcall/auth';
import { ApiProblemResponses, ZodValidationPipe, type Page } from '#rollcall/http';
import { CURSOR_PARAM, LIMIT_PARAM } from '../query/openapi-schemas.js';
import type { HistoryEntryView } from './history-entry.view.js';
import { HISTORY_PAGE_SCHEMA, HISTORY_QUERY_PARAMS } from './history.openapi.js';
import { historyQuerySchema, type HistoryQuery } from './history.query.js';
import { HistoryService } from './history.service.js';

@ApiTags('history')
@Controller('v1/history')
@Roles('auditor')
export class HistoryController {
  constructor(@Inject(HistoryService) private readonly history: HistoryService) {}

  @Get()
  @ApiOperation({ summary: 'History entries in (occurredAt, id) order, with their hash chain links' })
  @applyDecorators(...[LIMIT_PARAM(100, 1000), CURSOR_PARAM, ...HISTORY_QUERY_PARAMS].map((param) => ApiQuery(param)))
  @ApiResponse({ status: 200, schema: HISTORY_PAGE_SCHEMA })
  @ApiProblemResponses(422)
  list(@Query(new ZodValidationPipe(historyQuerySchema)) query: HistoryQuery): Promise<Page<HistoryEntryView>> {
    return this.history.list(query);
  }
}

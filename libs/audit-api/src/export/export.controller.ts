import { applyDecorators, Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '#rollcall/auth';
import { ApiProblemResponses, ZodValidationPipe } from '#rollcall/http';
import { EXPORT_CONTENT, EXPORT_DESCRIPTION, EXPORT_QUERY_PARAMS } from './export.openapi.js';
import { exportQuerySchema, type ExportQuery } from './export.query.js';
import { ExportService } from './export.service.js';

@ApiTags('history')
@Controller('v1/history')
@Roles('auditor')
export class ExportController {
  constructor(@Inject(ExportService) private readonly exports: ExportService) {}

  @Get('export')
  @ApiOperation({
    summary: 'Export a time range of the history with its hash chain links',
    description: EXPORT_DESCRIPTION,
  })
  @applyDecorators(...EXPORT_QUERY_PARAMS.map((param) => ApiQuery(param)))
  @ApiProduces('application/x-ndjson', 'text/csv')
  @ApiResponse({ status: 200, description: 'The export, streamed as an attachment', content: EXPORT_CONTENT })
  @ApiProblemResponses(422)
  export(@Query(new ZodValidationPipe(exportQuerySchema)) query: ExportQuery): StreamableFile {
    return this.exports.export(query);
  }
}

import { applyDecorators, Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '#rollcall/auth';
import { ApiProblemResponses, ZodValidationPipe } from '#rollcall/http';
import type { HistoryVerificationView } from './chain-verification.view.js';
import { VERIFICATION_SCHEMA, VERIFY_QUERY_PARAMS } from './verify.openapi.js';
import { verifyQuerySchema, type VerifyQuery } from './verify.query.js';
import { VerifyService } from './verify.service.js';

@ApiTags('history')
@Controller('v1/history')
@Roles('auditor')
export class VerifyController {
  constructor(@Inject(VerifyService) private readonly verification: VerifyService) {}

  @Get('verify')
  @ApiOperation({
    summary: 'Verify stored hash chains against their recorded heads',
    description: 'Each selected chain is verified whole: a slice alone cannot prove the rows before it.',
  })
  @applyDecorators(...VERIFY_QUERY_PARAMS.map((param) => ApiQuery(param)))
  @ApiResponse({ status: 200, schema: VERIFICATION_SCHEMA })
  @ApiProblemResponses(422)
  verify(@Query(new ZodValidationPipe(verifyQuerySchema)) query: VerifyQuery): Promise<HistoryVerificationView> {
    return this.verification.verify(query);
  }
}

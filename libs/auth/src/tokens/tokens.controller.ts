import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ApiProblemResponses,
  Idempotent,
  pageQuerySchema,
  ZodValidationPipe,
  type Page,
  type PageQuery,
} from '#rollcall/http';
import type { Actor } from '../actor.js';
import { CurrentActor } from '../guard/current-actor.decorator.js';
import { Roles } from '../guard/roles.decorator.js';
import type { ApiTokenView } from './api-token.js';
import { createTokenRequestSchema, tokenIdSchema, type CreateTokenRequest } from './token-request.schema.js';
import { CREATE_TOKEN_BODY, CREATED_TOKEN_SCHEMA, TOKEN_PAGE_SCHEMA } from './tokens.openapi.js';
import { TokensService, type CreatedToken } from './tokens.service.js';

const tokenPageQuery = pageQuerySchema({ defaultLimit: 50, maxLimit: 200 });

@ApiTags('tokens')
@Controller('v1/tokens')
@Roles('admin')
export class TokensController {
  constructor(@Inject(TokensService) private readonly tokens: TokensService) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Create a token; its secret is in this response only' })
  @ApiBody({ schema: CREATE_TOKEN_BODY })
  @ApiResponse({ status: 201, schema: CREATED_TOKEN_SCHEMA })
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodValidationPipe(createTokenRequestSchema)) request: CreateTokenRequest,
  ): Promise<CreatedToken> {
    return this.tokens.create(actor, request);
  }

  @Get()
  @ApiOperation({ summary: 'List tokens, oldest first, without their secrets' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } })
  @ApiQuery({ name: 'cursor', required: false, schema: { type: 'string' } })
  @ApiResponse({ status: 200, schema: TOKEN_PAGE_SCHEMA })
  @ApiProblemResponses(422)
  list(@Query(new ZodValidationPipe(tokenPageQuery)) query: PageQuery): Promise<Page<ApiTokenView>> {
    return this.tokens.list(query);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a token; the last active admin token cannot be revoked' })
  @ApiResponse({ status: 204, description: 'Revoked (also when it already was)' })
  @ApiProblemResponses(404, 409, 422)
  revoke(@CurrentActor() actor: Actor, @Param('id', new ZodValidationPipe(tokenIdSchema)) id: string): Promise<void> {
    return this.tokens.revoke(actor, id);
  }
}

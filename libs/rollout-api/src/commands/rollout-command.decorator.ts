import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { Roles, type ApiRole } from '#rollcall/auth';
import { ApiProblemResponses, Idempotent } from '#rollcall/http';
import type { RolloutCommandKind } from '#rollcall/orchestrator';
import { ROLLOUT_SCHEMA } from '../openapi/rollout-response.openapi.js';

/** Route, role, idempotency and documentation of one rollout command: POST /v1/rollouts/{id}/{kind}. */
export function RolloutCommand(kind: RolloutCommandKind, role: ApiRole, summary: string, body: SchemaObject) {
  return applyDecorators(
    Post(`:id/${kind}`),
    HttpCode(200),
    Roles(role),
    Idempotent(),
    ApiOperation({
      summary,
      description: 'A command the rollout refuses in its state answers 409 with the saga’s reason as `code`.',
    }),
    ApiParam({ name: 'id', schema: { type: 'string', format: 'uuid' } }),
    ApiBody({ schema: body, required: false }),
    ApiResponse({ status: 200, description: 'The rollout after the command', schema: ROLLOUT_SCHEMA }),
    ApiProblemResponses(404, 409, 422),
  );
}

import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem-details.js';
import { PROBLEM_DETAILS_SCHEMA } from './problem-details.schema.js';

/** Documents the error statuses of a route as problem details responses. */
export function ApiProblemResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: `${STATUS_CODES[status] ?? 'Error'} (problem details)`,
        content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_DETAILS_SCHEMA } },
      }),
    ),
  );
}

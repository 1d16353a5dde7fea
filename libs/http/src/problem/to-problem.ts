import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { problemType, type ProblemDetails } from './problem-details.js';
import { ProblemException } from './problem.exception.js';

export interface MappedProblem {
  readonly problem: ProblemDetails;
  /** True when the error is a fault of the server, to be logged with its stack. */
  readonly unexpected: boolean;
}

const UNEXPECTED_DETAIL = 'An unexpected error occurred; it has been logged.';

/** Maps any thrown value to problem details: the single place where errors become HTTP answers. */
export function toProblem(error: unknown, instance: string): MappedProblem {
  if (error instanceof ProblemException) {
    const { status, title } = error.spec;
    const errors = error.errors === undefined ? {} : { errors: error.errors };
    const problem = { type: problemType(error.code), title, status, detail: error.message, instance };
    return { problem: { ...problem, code: error.code, ...errors }, unexpected: false };
  }
  if (error instanceof HttpException) return generic(error.getStatus(), httpExceptionDetail(error), instance);
  const clientStatus = clientErrorStatus(error);
  if (clientStatus !== undefined && error instanceof Error) return generic(clientStatus, error.message, instance);
  return { problem: generic(500, UNEXPECTED_DETAIL, instance).problem, unexpected: true };
}

function generic(status: number, detail: string, instance: string): MappedProblem {
  const title = STATUS_CODES[status] ?? 'Error';
  return { problem: { type: 'about:blank', title, status, detail, instance }, unexpected: status >= 500 };
}

function httpExceptionDetail(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : error.message;
}

/** Fastify's own errors (unparseable JSON, unsupported media type) carry a 4xx statusCode. */
function clientErrorStatus(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

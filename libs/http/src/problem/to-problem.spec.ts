import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { HttpConventionException, HttpExceptionCode } from '../http.exception.js';
import { toProblem } from './to-problem.js';

describe('toProblem', () => {
  it('maps a module exception to its code, status, title and field errors', () => {
    const error = new HttpConventionException(HttpExceptionCode.ValidationFailed, 'The body is bad.', [
      { field: 'name', reason: 'must not be blank' },
    ]);

    expect(toProblem(error, '/v1/tokens')).toEqual({
      unexpected: false,
      problem: {
        type: 'urn:rollcall:problem:validation-failed',
        title: 'The request is not valid',
        status: 422,
        detail: 'The body is bad.',
        instance: '/v1/tokens',
        code: 'validation-failed',
        errors: [{ field: 'name', reason: 'must not be blank' }],
      },
    });
  });

  it('maps a Nest HttpException to about:blank with the status phrase as title', () => {
    const { problem, unexpected } = toProblem(new NotFoundException('Cannot GET /nope'), '/nope');

    expect(unexpected).toBe(false);
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'Cannot GET /nope',
      instance: '/nope',
    });
    expect(toProblem(new ForbiddenException(), '/x').problem.detail).toBe('Forbidden');
  });

  it('keeps the 4xx status of a framework error such as unparseable JSON', () => {
    const parseError = Object.assign(new SyntaxError('Unexpected token } in JSON'), { statusCode: 400 });

    expect(toProblem(parseError, '/v1/tokens').problem).toMatchObject({
      status: 400,
      detail: 'Unexpected token } in JSON',
    });
  });

  it('hides the message of an unknown error behind a 500 and flags it for logging', () => {
    const { problem, unexpected } = toProblem(new Error('connection refused to 10.0.0.5'), '/v1/tokens');

    expect(unexpected).toBe(true);
    expect(problem.status).toBe(500);
    expect(problem.detail).not.toContain('10.0.0.5');
    expect(toProblem('thrown string', '/').problem.status).toBe(500);
  });
});

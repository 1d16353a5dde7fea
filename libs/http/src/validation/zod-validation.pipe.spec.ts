import { z } from 'zod';
import { HttpConventionException } from '../http.exception.js';
import { ZodValidationPipe } from './zod-validation.pipe.js';

const pipe = new ZodValidationPipe(z.object({ name: z.string().min(1), roles: z.array(z.enum(['viewer'])) }));

describe('ZodValidationPipe', () => {
  it('passes the parsed value on', () => {
    expect(pipe.transform({ name: 'ci', roles: ['viewer'], extra: 1 }, { type: 'body' })).toEqual({
      name: 'ci',
      roles: ['viewer'],
    });
  });

  it('throws a 422 problem listing each invalid field by path', () => {
    let thrown: unknown;
    try {
      pipe.transform({ name: '', roles: ['root'] }, { type: 'body' });
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(HttpConventionException);
    const problem = thrown as HttpConventionException;
    expect(problem.spec.status).toBe(422);
    expect(problem.message).toBe('The request body has invalid fields: name, roles.0.');
    expect(problem.errors?.map((error) => error.field)).toEqual(['name', 'roles.0']);
  });

  it('names the root when the body is not an object', () => {
    expect(() => pipe.transform(undefined, { type: 'body' })).toThrow(/invalid fields: \(root\)/);
  });
});

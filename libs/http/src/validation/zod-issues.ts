import type { z } from 'zod';
import type { FieldError } from '../problem/problem-details.js';

/** Turns zod issues into the `errors` list of a validation problem; the root of the input is `(root)`. */
export function fieldErrorsFrom(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({
    field: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'),
    reason: issue.message,
  }));
}

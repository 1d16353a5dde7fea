import type { z } from 'zod';
import { rolloutSpecSchema } from './rollout-spec.schema.js';
import type { RolloutSpec } from './rollout-spec.js';

export interface SpecProblem {
  /** Where the problem is, e.g. `strategy.stages[1].maxUnavailable`. */
  readonly field: string;
  readonly reason: string;
}

export type SpecValidation =
  { readonly ok: true; readonly spec: RolloutSpec } | { readonly ok: false; readonly problems: readonly SpecProblem[] };

/** Checks a rollout request body and fills in the defaults; never throws. */
export function validateRolloutSpec(input: unknown): SpecValidation {
  const parsed = rolloutSpecSchema.safeParse(input);
  if (parsed.success) return { ok: true, spec: parsed.data };
  return { ok: false, problems: parsed.error.issues.flatMap(toProblems) };
}

function toProblems(issue: z.core.$ZodIssue): SpecProblem[] {
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => ({ field: fieldPath([...issue.path, key]), reason: 'is not a known field' }));
  const reason = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
  return [{ field: fieldPath(issue.path), reason }];
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return text === '' ? name : `${text}.${name}`;
  }, '');
}

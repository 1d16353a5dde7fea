import type { z } from 'zod';

const pathOf = (path: readonly PropertyKey[]): string =>
  path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${String(step)}`)).join('');

const missingOrDefault: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? `missing (expected ${issue.expected})` : undefined;

/** Why `value` does not fit `schema`, each problem prefixed with the field path (first three); null when it fits. */
export function dataProblemOf(schema: z.ZodType, value: unknown, root = 'data'): string | null {
  const result = schema.safeParse(value, { error: missingOrDefault });
  if (result.success) return null;
  return result.error.issues
    .slice(0, 3)
    .map((issue) => `${root}${pathOf(issue.path)}: ${issue.message}`)
    .join('; ');
}

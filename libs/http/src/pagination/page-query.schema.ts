import { z } from 'zod';

export interface PageQueryLimits {
  readonly defaultLimit: number;
  readonly maxLimit: number;
}

/** The `limit` and `cursor` query parameters of a listing; a limit above the maximum is refused, not clamped. */
export function pageQuerySchema({ defaultLimit, maxLimit }: PageQueryLimits) {
  return z.object({
    limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
    cursor: z.string().min(1).max(1000).optional(),
  });
}

export type PageQuery = z.output<ReturnType<typeof pageQuerySchema>>;

import { z } from 'zod';
import { rfc3339Param } from '../query/query-params.js';

export const verifyQuerySchema = z
  .strictObject({
    chain: z.string().trim().min(1).max(300).optional(),
    from: rfc3339Param.optional(),
    to: rfc3339Param.optional(),
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.from < query.to, {
    error: 'must be after from',
    path: ['to'],
  });

export type VerifyQuery = z.output<typeof verifyQuerySchema>;

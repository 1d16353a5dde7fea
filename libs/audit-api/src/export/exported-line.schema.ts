import { z } from 'zod';
import { TRAILER_KIND } from './export-trailer.js';

const nullableText = z.string().nullable();

/** An exported row as an outside verifier reads it: the shape of `/v1/history` entries. */
export const exportedEntrySchema = z.object({
  id: z.string(),
  type: z.string(),
  schemaVersion: z.number().int(),
  occurredAt: z.string(),
  observedAt: z.string(),
  recordedAt: z.string(),
  actor: z
    .object({ kind: z.enum(['user', 'bot', 'system']), id: z.string(), displayName: z.string().optional() })
    .loose()
    .nullable(),
  node: nullableText,
  namespace: nullableText,
  daemonset: nullableText,
  rolloutId: nullableText,
  correlationId: z.string(),
  causationId: nullableText,
  data: z.unknown(),
  chain: z.string(),
  seq: z.number().int().positive(),
  prevHash: z.string(),
  hash: z.string(),
});

const chainSliceSchema = z.object({
  chain: z.string(),
  rows: z.number().int().positive(),
  gaps: z.number().int().nonnegative(),
  first: z.object({ seq: z.number().int().positive(), prevHash: z.string() }),
  last: z.object({ seq: z.number().int().positive(), hash: z.string() }),
});

export const trailerSchema = z.object({
  kind: z.literal(TRAILER_KIND),
  rows: z.number().int().nonnegative(),
  chains: z.array(chainSliceSchema),
});

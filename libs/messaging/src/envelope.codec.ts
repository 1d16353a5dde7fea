import { z } from 'zod';
import type { Envelope } from '#rollcall/domain';

const actorSchema = z.object({
  kind: z.enum(['user', 'bot', 'system']),
  id: z.string(),
  displayName: z.string().optional(),
});

const envelopeSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  schemaVersion: z.number().int().positive(),
  occurredAt: z.string(),
  observedAt: z.string(),
  correlationId: z.string(),
  causationId: z.string().nullable(),
  actor: actorSchema.nullable(),
  data: z.unknown().refine((data) => data !== undefined, 'data is missing'),
});

export type DecodeResult =
  { readonly ok: true; readonly envelope: Envelope } | { readonly ok: false; readonly reason: string };

/**
 * The wire form shared by both adapters: the whole envelope as the record's JSON value and no headers,
 * as CloudEvents' structured mode does it. What a tool routes on (`type`, `id`, `schemaVersion`) is at
 * the value's top level. The id, type and schemaVersion headers that once repeated them took 18 % of
 * the watcher's CPU per event in the ingest bench: kafkajs encodes each header through a zeroed buffer
 * of its own.
 */
export function encodeEnvelope(envelope: Envelope): string {
  return JSON.stringify(envelope);
}

export function decodeEnvelope(value: Buffer | string | null): DecodeResult {
  if (value === null || value.length === 0) return { ok: false, reason: 'empty value' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString());
  } catch (error) {
    return { ok: false, reason: `not JSON: ${(error as Error).message}` };
  }
  const result = envelopeSchema.safeParse(parsed);
  if (!result.success) {
    return { ok: false, reason: `not an envelope: ${z.prettifyError(result.error).replace(/\n/g, '; ')}` };
  }
  // The parsed object itself, so keys that newer producers add travel on untouched.
  return { ok: true, envelope: parsed as Envelope };
}

/** Rejects what a consumer could not decode, so the producer fails instead of poisoning a topic. */
export function assertPublishable(envelope: Envelope): void {
  const result = envelopeSchema.safeParse(envelope);
  if (!result.success) {
    throw new TypeError(`Cannot publish an invalid envelope: ${z.prettifyError(result.error).replace(/\n/g, '; ')}`);
  }
}

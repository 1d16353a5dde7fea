import { z } from 'zod';

/** An RFC 3339 timestamp with a zone (`Z` or an offset), parsed to a Date. */
export const rfc3339Param = z.iso
  .datetime({ offset: true, error: 'must be an RFC 3339 timestamp with a zone, e.g. 2025-01-01T12:00:00Z' })
  .transform((value) => new Date(value));

/** `true` or `false`, nothing looser: `ready=yes` is refused rather than read as false. */
export const booleanParam = z
  .enum(['true', 'false'], { error: 'must be true or false' })
  .transform((value) => value === 'true');

/** A Kubernetes object name as it may appear in a filter. */
export const objectNameParam = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a Kubernetes object name');

import { z } from 'zod';
import { eventTypeListParam } from '../history/history.query.js';
import { objectNameParam, rfc3339Param } from '../query/query-params.js';

/** The widest range one export may span; longer periods are exported month by month. */
export const MAX_EXPORT_DAYS = 31;
const MAX_EXPORT_MS = MAX_EXPORT_DAYS * 24 * 60 * 60 * 1000;

export const EXPORT_FORMATS = ['ndjson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportQuerySchema = z
  .strictObject({
    from: rfc3339Param,
    to: rfc3339Param,
    format: z.enum(EXPORT_FORMATS, { error: 'must be ndjson or csv' }).default('ndjson'),
    node: objectNameParam.optional(),
    namespace: objectNameParam.optional(),
    daemonset: objectNameParam.optional(),
    type: eventTypeListParam.optional(),
  })
  .refine((query) => query.from < query.to, { error: 'must be after from', path: ['to'] })
  .refine((query) => query.to.getTime() - query.from.getTime() <= MAX_EXPORT_MS, {
    error: `must be at most ${MAX_EXPORT_DAYS} days after from`,
    path: ['to'],
  });

export type ExportQuery = z.output<typeof exportQuerySchema>;

export type ExportFilter = Omit<ExportQuery, 'format'>;

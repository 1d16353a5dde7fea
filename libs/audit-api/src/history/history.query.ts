import { pageQuerySchema } from '#rollcall/http';
import { z } from 'zod';
import { objectNameParam, rfc3339Param } from '../query/query-params.js';
import { isHistoryEventType } from './history-event-types.js';

const historyEventType = z
  .string()
  .refine(isHistoryEventType, { error: (issue) => `"${String(issue.input)}" is not an event type of the history` });

/** A comma-separated list of history event types, as /v1/history and the export filter by them. */
export const eventTypeListParam = z
  .string()
  .transform((text) => text.split(',').map((item) => item.trim()))
  .pipe(z.array(historyEventType).min(1).max(50));

const identifier = z.string().trim().min(1).max(200);

export const historyQuerySchema = z
  .strictObject({
    ...pageQuerySchema({ defaultLimit: 100, maxLimit: 1000 }).shape,
    node: objectNameParam.optional(),
    namespace: objectNameParam.optional(),
    daemonset: objectNameParam.optional(),
    type: eventTypeListParam.optional(),
    actor: identifier.optional(),
    rollout: identifier.optional(),
    from: rfc3339Param.optional(),
    to: rfc3339Param.optional(),
    order: z.enum(['asc', 'desc'], { error: 'must be asc or desc' }).default('asc'),
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
    error: 'must not be before from',
    path: ['to'],
  });

export type HistoryQuery = z.output<typeof historyQuerySchema>;

export type HistoryFilter = Omit<HistoryQuery, 'limit' | 'cursor' | 'order'>;

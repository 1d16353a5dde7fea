import { pageQuerySchema } from '#rollcall/http';
import { z } from 'zod';
import { EVERY_LABEL, parseLabelSelector } from '../query/label-selector.js';
import { booleanParam, objectNameParam } from '../query/query-params.js';

const labelSelectorParam = z
  .string()
  .max(2000)
  .transform((text, context) => {
    const parsed = parseLabelSelector(text);
    if (parsed.ok) return parsed.selector;
    context.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  });

export const nodeListQuerySchema = z.strictObject({
  ...pageQuerySchema({ defaultLimit: 100, maxLimit: 500 }).shape,
  labelSelector: labelSelectorParam.default(EVERY_LABEL),
  ready: booleanParam.optional(),
  includeDeleted: booleanParam.default(false),
});

export type NodeListQuery = z.output<typeof nodeListQuerySchema>;

export const nodeParamsSchema = z.strictObject({ node: objectNameParam });

export type NodeParams = z.output<typeof nodeParamsSchema>;

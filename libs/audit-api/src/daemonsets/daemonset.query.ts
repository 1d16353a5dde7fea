import { pageQuerySchema } from '#rollcall/http';
import { z } from 'zod';
import { booleanParam, objectNameParam } from '../query/query-params.js';

export const daemonSetListQuerySchema = z.strictObject({
  ...pageQuerySchema({ defaultLimit: 100, maxLimit: 500 }).shape,
  namespace: objectNameParam.optional(),
  includeDeleted: booleanParam.default(false),
});

export type DaemonSetListQuery = z.output<typeof daemonSetListQuerySchema>;

export const daemonSetParamsSchema = z.strictObject({ namespace: objectNameParam, name: objectNameParam });

export type DaemonSetParams = z.output<typeof daemonSetParamsSchema>;

export const daemonSetNodesQuerySchema = z.strictObject({
  ...pageQuerySchema({ defaultLimit: 100, maxLimit: 1000 }).shape,
  upToDate: booleanParam.optional(),
});

export type DaemonSetNodesQuery = z.output<typeof daemonSetNodesQuerySchema>;

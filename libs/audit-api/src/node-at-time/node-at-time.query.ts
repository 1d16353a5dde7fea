import { z } from 'zod';
import { rfc3339Param } from '../query/query-params.js';

export const nodeAtTimeQuerySchema = z.strictObject({ at: rfc3339Param });

export type NodeAtTimeQuery = z.output<typeof nodeAtTimeQuerySchema>;

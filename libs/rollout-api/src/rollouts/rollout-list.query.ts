import type { RolloutStatus } from '#rollcall/domain';
import { pageQuerySchema } from '#rollcall/http';
import { z } from 'zod';

export const ROLLOUT_STATES = [
  'Pending',
  'AwaitingApproval',
  'Running',
  'Baking',
  'RollingBack',
  'Paused',
  'Finishing',
  'Succeeded',
  'RolledBack',
  'Aborted',
  'Failed',
  'Rejected',
] as const satisfies readonly RolloutStatus[];

// Fails to compile when the saga gains a state this list does not name.
const everyStateListed: Exclude<RolloutStatus, (typeof ROLLOUT_STATES)[number]> extends never ? true : never = true;
void everyStateListed;

const filterText = z.string().trim().min(1, 'must not be blank').max(253, 'must be at most 253 characters');

export const rolloutListQuerySchema = pageQuerySchema({ defaultLimit: 50, maxLimit: 200 }).extend({
  namespace: filterText.optional(),
  daemonSet: filterText.optional(),
  requestedBy: filterText.optional(),
  state: z.enum(ROLLOUT_STATES, { error: `must be one of ${ROLLOUT_STATES.join(', ')}` }).optional(),
});

export type RolloutListQuery = z.output<typeof rolloutListQuerySchema>;

export const rolloutEventsQuerySchema = pageQuerySchema({ defaultLimit: 100, maxLimit: 1000 });

export type RolloutEventsQuery = z.output<typeof rolloutEventsQuerySchema>;

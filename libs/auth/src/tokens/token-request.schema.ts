import { z } from 'zod';
import { API_ROLES } from '../roles/api-role.js';

export const createTokenRequestSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be blank').max(100, 'must be at most 100 characters'),
  roles: z
    .array(z.enum(API_ROLES, { error: `must be one of ${API_ROLES.join(', ')}` }))
    .min(1, 'must name at least one role')
    .transform((roles) => [...new Set(roles)]),
});

export type CreateTokenRequest = z.output<typeof createTokenRequestSchema>;

export const tokenIdSchema = z.uuid({ error: 'must be a token id (a UUID)' });

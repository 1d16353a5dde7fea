import { z } from 'zod';

const comment = z.string().trim().min(1, 'must not be blank').max(1000, 'must be at most 1000 characters');

/** The body of pause, resume, abort, rollback and reject; it may be left out. */
export const commandBodySchema = z.strictObject({ comment: comment.optional() }).default({});

/** Approve may name the stage the approver means, so that a late approval cannot land on the next stage. */
export const approveBodySchema = z
  .strictObject({
    comment: comment.optional(),
    stage: z.string().trim().min(1, 'must not be blank').max(63, 'must be at most 63 characters').optional(),
  })
  .default({});

export type CommandBody = z.output<typeof commandBodySchema>;
export type ApproveBody = z.output<typeof approveBodySchema>;

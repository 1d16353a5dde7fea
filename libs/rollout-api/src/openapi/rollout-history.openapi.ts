import type { SchemaObject } from '@nestjs/swagger';
import { ACTOR, NULLABLE_ACTOR, TIMESTAMP } from './openapi-primitives.js';

const nullableText: SchemaObject = { type: 'string', nullable: true };

export const STAGE_APPROVALS_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['stage', 'required', 'status', 'approvedAt', 'approvedBy', 'approvals', 'rejections'],
  properties: {
    stage: { type: 'string' },
    required: { type: 'integer', description: 'Distinct approvers the stage needs' },
    status: { type: 'string', enum: ['NotRequired', 'NotYetRequested', 'Awaiting', 'Approved', 'Rejected'] },
    approvedAt: { ...TIMESTAMP, nullable: true },
    approvedBy: { type: 'array', items: ACTOR, description: 'The approvers counted when the stage was let go' },
    approvals: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          actor: ACTOR,
          comment: nullableText,
          grantedAt: TIMESTAMP,
          expiresAt: TIMESTAMP,
          expired: { type: 'boolean', description: 'Dropped for being older than the approval validity' },
        },
      },
    },
    rejections: {
      type: 'array',
      items: { type: 'object', properties: { actor: ACTOR, comment: { type: 'string' }, rejectedAt: TIMESTAMP } },
    },
  },
};

export const AUDIT_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'Who requested the rollout and why, what it changed, between which revisions, and who steered it',
  properties: {
    requestedBy: ACTOR,
    requestedAt: TIMESTAMP,
    reason: { type: 'string' },
    ticket: nullableText,
    change: { type: 'object', description: 'Container images or a pod template patch, as requested' },
    revisionBefore: { type: 'string', description: 'controller-revision-hash before the rollout' },
    revisionAfter: { ...nullableText, description: 'controller-revision-hash the change produced' },
    rolledBackTo: nullableText,
    interventions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          version: { type: 'integer' },
          at: TIMESTAMP,
          action: { type: 'string', enum: ['paused', 'resumed', 'aborted', 'rollbackStarted', 'rejected'] },
          actor: NULLABLE_ACTOR,
          comment: nullableText,
          reason: { ...nullableText, description: 'Why the saga paused on its own' },
        },
      },
    },
  },
};

export const TIMELINE_ENTRY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['version', 'type', 'occurredAt', 'actor', 'summary'],
  properties: {
    version: { type: 'integer' },
    type: { type: 'string', example: 'StageApprovalGranted' },
    occurredAt: TIMESTAMP,
    actor: { ...NULLABLE_ACTOR, description: 'Who gave the command that caused the event; null for the saga' },
    summary: { type: 'string', example: 'bob approved stage canary: canary ok' },
  },
};

export const TIMELINE_PAGE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: {
    items: { type: 'array', items: TIMELINE_ENTRY_SCHEMA },
    nextCursor: {
      type: 'string',
      nullable: true,
      description: 'Pass as `cursor` for the next page; null on the last.',
    },
  },
};

import type { SchemaObject } from '@nestjs/swagger';
import {
  ACTOR,
  BOOLEAN,
  INTEGER,
  listOf,
  NULLABLE_ACTOR,
  NULLABLE_TEXT,
  objectOf,
  pageOf,
  TEXT,
  TIMESTAMP,
} from './openapi-primitives.js';

const approval = objectOf({
  actor: ACTOR,
  comment: NULLABLE_TEXT,
  grantedAt: TIMESTAMP,
  expiresAt: TIMESTAMP,
  expired: { ...BOOLEAN, description: 'Dropped for being older than the approval validity' },
});

const rejection = objectOf({ actor: ACTOR, comment: TEXT, rejectedAt: TIMESTAMP });

export const STAGE_APPROVALS_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['stage', 'required', 'status', 'approvedAt', 'approvedBy', 'approvals', 'rejections'],
  properties: {
    stage: TEXT,
    required: { ...INTEGER, description: 'Distinct approvers the stage needs' },
    status: { type: 'string', enum: ['NotRequired', 'NotYetRequested', 'Awaiting', 'Approved', 'Rejected'] },
    approvedAt: { ...TIMESTAMP, nullable: true },
    approvedBy: listOf(ACTOR, 'The approvers counted when the stage was let go'),
    approvals: listOf(approval),
    rejections: listOf(rejection),
  },
};

const intervention = objectOf({
  version: INTEGER,
  at: TIMESTAMP,
  action: { type: 'string', enum: ['paused', 'resumed', 'aborted', 'rollbackStarted', 'rejected'] },
  actor: NULLABLE_ACTOR,
  comment: NULLABLE_TEXT,
  reason: { ...NULLABLE_TEXT, description: 'Why the saga paused on its own' },
});

export const AUDIT_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'Who requested the rollout and why, what it changed, between which revisions, and who steered it',
  properties: {
    requestedBy: ACTOR,
    requestedAt: TIMESTAMP,
    reason: TEXT,
    ticket: NULLABLE_TEXT,
    change: { type: 'object', description: 'Container images or a pod template patch, as requested' },
    revisionBefore: { ...TEXT, description: 'controller-revision-hash before the rollout' },
    revisionAfter: { ...NULLABLE_TEXT, description: 'controller-revision-hash the change produced' },
    rolledBackTo: NULLABLE_TEXT,
    interventions: listOf(intervention),
  },
};

export const TIMELINE_ENTRY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['version', 'type', 'occurredAt', 'actor', 'summary'],
  properties: {
    version: INTEGER,
    type: { ...TEXT, example: 'StageApprovalGranted' },
    occurredAt: TIMESTAMP,
    actor: { ...NULLABLE_ACTOR, description: 'Who gave the command that caused the event; null for the saga' },
    summary: { ...TEXT, example: 'bob approved stage canary: canary ok' },
  },
};

export const TIMELINE_PAGE_SCHEMA: SchemaObject = pageOf(TIMELINE_ENTRY_SCHEMA);

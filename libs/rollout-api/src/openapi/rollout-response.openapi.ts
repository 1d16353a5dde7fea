import type { SchemaObject } from '@nestjs/swagger';
import { ROLLOUT_STATES } from '../rollouts/rollout-list.query.js';
import {
  ACTOR,
  BOOLEAN,
  INTEGER,
  listOf,
  NULLABLE_TEXT,
  objectOf,
  pageOf,
  TEXT,
  TEXT_LIST,
  TIMESTAMP,
} from './openapi-primitives.js';
import { AUDIT_SCHEMA, STAGE_APPROVALS_SCHEMA, TIMELINE_ENTRY_SCHEMA } from './rollout-history.openapi.js';

const SUMMARY_PROPERTIES: Record<string, SchemaObject> = {
  id: { type: 'string', format: 'uuid' },
  daemonSet: objectOf({ namespace: TEXT, name: TEXT }),
  status: {
    type: 'string',
    enum: [...ROLLOUT_STATES],
    description:
      'Finishing: the outcome is decided and the DaemonSet update strategy is being restored; the rollout still counts as active (a new rollout of the DaemonSet gets 409) until it reaches the outcome state',
  },
  requestedBy: ACTOR,
  createdAt: TIMESTAMP,
  updatedAt: TIMESTAMP,
};

export const ROLLOUT_SCHEMA: SchemaObject = objectOf({
  ...SUMMARY_PROPERTIES,
  version: { type: 'integer', description: 'Events recorded so far' },
  spec: { type: 'object', description: 'The request with its defaults filled in' },
  direction: { type: 'string', enum: ['forward', 'back'] },
  pausedReason: NULLABLE_TEXT,
  outcome: {
    type: 'string',
    nullable: true,
    enum: ['Succeeded', 'RolledBack', 'Aborted', 'Failed', 'Rejected', null],
    description: 'How the rollout ended, already while it is Finishing; null while it runs',
  },
  currentStage: NULLABLE_TEXT,
  originalRevisionHash: TEXT,
  targetRevisionHash: NULLABLE_TEXT,
  stages: listOf(objectOf({ name: TEXT, batchSize: INTEGER, nodes: TEXT_LIST })),
  nodes: listOf(
    objectOf({
      name: TEXT,
      stage: TEXT,
      batch: INTEGER,
      status: TEXT,
      podRevisionHash: NULLABLE_TEXT,
      failure: NULLABLE_TEXT,
    }),
  ),
  approvals: listOf(STAGE_APPROVALS_SCHEMA, 'One entry per stage'),
  audit: AUDIT_SCHEMA,
  timeline: listOf(
    TIMELINE_ENTRY_SCHEMA,
    'The newest 500 events, oldest first; all of them at /v1/rollouts/{id}/events',
  ),
  timelineTruncated: { type: 'boolean', description: 'True when older events are left out of `timeline`' },
});

export const ROLLOUT_PAGE_SCHEMA: SchemaObject = pageOf(objectOf(SUMMARY_PROPERTIES));

const plannedNode = objectOf({
  name: TEXT,
  pod: NULLABLE_TEXT,
  podRevisionHash: NULLABLE_TEXT,
  podReady: BOOLEAN,
  notes: TEXT_LIST,
});

const plannedStage = objectOf({
  name: TEXT,
  selection: { type: 'object' },
  batchSize: INTEGER,
  nodeCount: INTEGER,
  batches: listOf(objectOf({ batch: INTEGER, nodes: listOf(plannedNode) })),
});

const budgetAllowance = objectOf({
  pdb: TEXT,
  disruptionsAllowed: INTEGER,
  statusFresh: BOOLEAN,
  currentHealthy: INTEGER,
  desiredHealthy: INTEGER,
  expectedPods: INTEGER,
});

const planWarning: SchemaObject = {
  type: 'object',
  required: ['code', 'message'],
  properties: { code: TEXT, message: TEXT, stage: TEXT, pdb: TEXT, nodes: TEXT_LIST },
};

export const ROLLOUT_PLAN_SCHEMA: SchemaObject = objectOf({
  desiredPods: INTEGER,
  stages: listOf(plannedStage),
  pdbs: {
    type: 'array',
    description: 'What each PodDisruptionBudget over the pods allows now',
    items: budgetAllowance,
  },
  warnings: listOf(planWarning),
});

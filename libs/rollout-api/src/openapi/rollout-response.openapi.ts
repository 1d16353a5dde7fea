import type { SchemaObject } from '@nestjs/swagger';
import { ROLLOUT_STATES } from '../rollouts/rollout-list.query.js';
import { ACTOR, TIMESTAMP } from './openapi-primitives.js';
import { AUDIT_SCHEMA, STAGE_APPROVALS_SCHEMA, TIMELINE_ENTRY_SCHEMA } from './rollout-history.openapi.js';

const daemonSet: SchemaObject = {
  type: 'object',
  properties: { namespace: { type: 'string' }, name: { type: 'string' } },
};

const SUMMARY_PROPERTIES: Record<string, SchemaObject> = {
  id: { type: 'string', format: 'uuid' },
  daemonSet,
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

export const ROLLOUT_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    ...SUMMARY_PROPERTIES,
    version: { type: 'integer', description: 'Events recorded so far' },
    spec: { type: 'object', description: 'The request with its defaults filled in' },
    direction: { type: 'string', enum: ['forward', 'back'] },
    pausedReason: { type: 'string', nullable: true },
    outcome: {
      type: 'string',
      nullable: true,
      enum: ['Succeeded', 'RolledBack', 'Aborted', 'Failed', 'Rejected', null],
      description: 'How the rollout ended, already while it is Finishing; null while it runs',
    },
    currentStage: { type: 'string', nullable: true },
    originalRevisionHash: { type: 'string' },
    targetRevisionHash: { type: 'string', nullable: true },
    stages: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          batchSize: { type: 'integer' },
          nodes: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    nodes: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          stage: { type: 'string' },
          batch: { type: 'integer' },
          status: { type: 'string' },
          podRevisionHash: { type: 'string', nullable: true },
          failure: { type: 'string', nullable: true },
        },
      },
    },
    approvals: { type: 'array', items: STAGE_APPROVALS_SCHEMA, description: 'One entry per stage' },
    audit: AUDIT_SCHEMA,
    timeline: {
      type: 'array',
      items: TIMELINE_ENTRY_SCHEMA,
      description: 'The newest 500 events, oldest first; all of them at /v1/rollouts/{id}/events',
    },
    timelineTruncated: { type: 'boolean', description: 'True when older events are left out of `timeline`' },
  },
};

export const ROLLOUT_PAGE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: {
    items: { type: 'array', items: { type: 'object', properties: SUMMARY_PROPERTIES } },
    nextCursor: {
      type: 'string',
      nullable: true,
      description: 'Pass as `cursor` for the next page; null on the last.',
    },
  },
};

const plannedNode: SchemaObject = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    pod: { type: 'string', nullable: true },
    podRevisionHash: { type: 'string', nullable: true },
    podReady: { type: 'boolean' },
    notes: { type: 'array', items: { type: 'string' } },
  },
};

export const ROLLOUT_PLAN_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    desiredPods: { type: 'integer' },
    stages: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          selection: { type: 'object' },
          batchSize: { type: 'integer' },
          nodeCount: { type: 'integer' },
          batches: {
            type: 'array',
            items: {
              type: 'object',
              properties: { batch: { type: 'integer' }, nodes: { type: 'array', items: plannedNode } },
            },
          },
        },
      },
    },
    pdbs: {
      type: 'array',
      description: 'What each PodDisruptionBudget over the pods allows now',
      items: {
        type: 'object',
        properties: {
          pdb: { type: 'string' },
          disruptionsAllowed: { type: 'integer' },
          statusFresh: { type: 'boolean' },
          currentHealthy: { type: 'integer' },
          desiredHealthy: { type: 'integer' },
          expectedPods: { type: 'integer' },
        },
      },
    },
    warnings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string' },
          message: { type: 'string' },
          stage: { type: 'string' },
          pdb: { type: 'string' },
          nodes: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
};

import type { SchemaObject } from '@nestjs/swagger';

const positive: SchemaObject = { type: 'integer', minimum: 1 };
const maxUnavailable: SchemaObject = {
  oneOf: [positive, { type: 'string', pattern: '^\\d{1,3}%$' }],
  description: 'Nodes replaced at once: a number, or a percentage of the desired pods ("10%"). Default 1.',
};

const stage: SchemaObject = {
  type: 'object',
  required: ['name', 'nodes'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', description: 'A DNS label, unique in the strategy' },
    nodes: {
      type: 'object',
      description: 'Exactly one of count, percent or selector; taken from the nodes no earlier stage took.',
      properties: {
        count: positive,
        percent: { type: 'integer', minimum: 1, maximum: 100 },
        selector: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    maxUnavailable,
    approvals: { type: 'integer', minimum: 0, maximum: 10, description: 'Distinct approvers, never the requester' },
    bakeSeconds: { type: 'integer', minimum: 0 },
    healthGates: {
      type: 'object',
      properties: {
        maxRestarts: { type: 'integer', minimum: 0 },
        failOnCrashLoop: { type: 'boolean' },
        failOnReadinessLoss: { type: 'boolean' },
      },
    },
  },
};

/** The body of POST /v1/rollouts and of its dry run, POST /v1/rollouts/plan. */
export const ROLLOUT_REQUEST_BODY: SchemaObject = {
  type: 'object',
  required: ['daemonSet', 'change', 'strategy', 'reason'],
  additionalProperties: false,
  properties: {
    daemonSet: {
      type: 'object',
      required: ['namespace', 'name'],
      properties: { namespace: { type: 'string' }, name: { type: 'string' } },
    },
    change: {
      type: 'object',
      description:
        'Exactly one of containers (new images) or templatePatch (a strategic merge patch of the pod template).',
      properties: {
        containers: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name', 'image'],
            properties: { name: { type: 'string' }, image: { type: 'string' } },
          },
        },
        templatePatch: { type: 'object' },
      },
    },
    strategy: {
      type: 'object',
      required: ['stages'],
      properties: {
        stages: { type: 'array', minItems: 1, items: stage },
        nodeReadyTimeoutSeconds: { type: 'integer', minimum: 10, default: 300 },
        approvalValiditySeconds: { type: 'integer', minimum: 1, default: 86400 },
        failurePolicy: {
          type: 'object',
          properties: {
            maxFailedNodes: { type: 'integer', minimum: 0, default: 0 },
            action: { type: 'string', enum: ['pause', 'rollback'], default: 'pause' },
          },
        },
      },
    },
    reason: { type: 'string', maxLength: 1000 },
    ticket: { type: 'string', maxLength: 200, nullable: true },
  },
  example: {
    daemonSet: { namespace: 'default', name: 'log-collector' },
    change: { containers: [{ name: 'log-collector', image: 'busybox:1.37' }] },
    strategy: {
      stages: [
        { name: 'canary', nodes: { count: 1 }, approvals: 1, bakeSeconds: 30 },
        { name: 'rest', nodes: { percent: 100 }, maxUnavailable: '10%', approvals: 2 },
      ],
      nodeReadyTimeoutSeconds: 300,
      failurePolicy: { maxFailedNodes: 0, action: 'rollback' },
    },
    reason: 'CVE fix',
    ticket: 'CHG-1234',
  },
};

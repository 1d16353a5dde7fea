import type { SchemaObject } from '@nestjs/swagger';
import { TAINTS_SCHEMA } from '../nodes/nodes.openapi.js';
import { LABELS, STRINGS, TIMESTAMP } from '../query/openapi-schemas.js';

const nullableString: SchemaObject = { type: 'string', nullable: true };

export const NODE_AT_TIME_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    node: { type: 'string' },
    at: TIMESTAMP,
    nodeState: {
      type: 'object',
      nullable: true,
      description: 'The node’s last observation at or before `at`; null when it was not observed yet',
      properties: {
        present: { type: 'boolean', description: 'False when that observation was its deletion' },
        observedAt: TIMESTAMP,
        labels: LABELS,
        taints: TAINTS_SCHEMA,
        ready: { type: 'boolean' },
        schedulable: { type: 'boolean' },
        kubeletVersion: nullableString,
      },
    },
    daemonSetPods: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          namespace: { type: 'string' },
          daemonSet: nullableString,
          pod: { type: 'object', properties: { name: { type: 'string' }, uid: { type: 'string' } } },
          revisionHash: nullableString,
          templateGeneration: nullableString,
          images: STRINGS,
          phase: nullableString,
          ready: { type: 'boolean' },
          restarts: { type: 'integer' },
          since: { ...TIMESTAMP, description: 'When the pod was first seen on this revision' },
          observedAt: { ...TIMESTAMP, description: 'The pod’s latest observation at or before `at`' },
        },
      },
    },
  },
};

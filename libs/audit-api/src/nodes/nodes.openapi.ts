import type { SchemaObject } from '@nestjs/swagger';
import { DAEMONSET_POD_SCHEMA } from '../daemonsets/daemonset-pod.openapi.js';
import { LABELS, NULLABLE_TIMESTAMP, pageOf, TIMESTAMP } from '../query/openapi-schemas.js';

export const TAINTS_SCHEMA: SchemaObject = {
  type: 'array',
  items: {
    type: 'object',
    properties: { key: { type: 'string' }, value: { type: 'string', nullable: true }, effect: { type: 'string' } },
  },
};

const NODE_PROPERTIES: Record<string, SchemaObject> = {
  name: { type: 'string' },
  uid: { type: 'string' },
  labels: LABELS,
  taints: TAINTS_SCHEMA,
  ready: { type: 'boolean' },
  schedulable: { type: 'boolean' },
  kubeletVersion: { type: 'string', nullable: true },
  lastSeenAt: TIMESTAMP,
  deletedAt: NULLABLE_TIMESTAMP,
};

export const NODE_PAGE_SCHEMA = pageOf({ type: 'object', properties: NODE_PROPERTIES });

export const NODE_DETAIL_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    ...NODE_PROPERTIES,
    since: { ...NULLABLE_TIMESTAMP, description: 'First observation of this node object in the history' },
    daemonSetPods: { type: 'array', items: DAEMONSET_POD_SCHEMA },
  },
};

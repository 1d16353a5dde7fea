import type { SchemaObject } from '@nestjs/swagger';
import { pageOf, TIMESTAMP } from '../query/openapi-schemas.js';
import { HISTORY_EVENT_TYPES } from './history-event-types.js';

const nullableString: SchemaObject = { type: 'string', nullable: true };

export const HISTORY_ENTRY_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'The event id (deterministic per observation or decision)' },
    type: { type: 'string', enum: [...HISTORY_EVENT_TYPES] },
    schemaVersion: { type: 'integer' },
    occurredAt: TIMESTAMP,
    observedAt: TIMESTAMP,
    recordedAt: TIMESTAMP,
    actor: {
      type: 'object',
      nullable: true,
      properties: { kind: { type: 'string' }, id: { type: 'string' }, displayName: { type: 'string' } },
    },
    node: nullableString,
    namespace: nullableString,
    daemonset: nullableString,
    rolloutId: nullableString,
    correlationId: { type: 'string' },
    causationId: nullableString,
    data: { type: 'object', description: 'The event payload' },
    chain: { type: 'string', description: 'The hash chain (topic/partition) the entry belongs to' },
    seq: { type: 'integer', description: 'Position in its chain, from 1' },
    prevHash: { type: 'string' },
    hash: { type: 'string', description: 'sha256(prevHash || canonical JSON of the entry without its hashes)' },
  },
};

export const HISTORY_PAGE_SCHEMA = pageOf(HISTORY_ENTRY_SCHEMA);

const text = (name: string, description: string) => ({
  name,
  required: false,
  description,
  schema: { type: 'string' },
});

export const HISTORY_QUERY_PARAMS = [
  text('node', 'Events about this node'),
  text('namespace', 'Events in this namespace'),
  text('daemonset', 'Events about this DaemonSet (combine with namespace)'),
  { name: 'type', required: false, description: 'Comma list of event types', schema: { type: 'string' } },
  text('actor', 'Events caused by this actor id'),
  text('rollout', 'Events of this rollout id'),
  { name: 'from', required: false, description: 'occurredAt at or after', schema: TIMESTAMP },
  { name: 'to', required: false, description: 'occurredAt strictly before', schema: TIMESTAMP },
  { name: 'order', required: false, schema: { type: 'string', enum: ['asc', 'desc'], default: 'asc' } },
];

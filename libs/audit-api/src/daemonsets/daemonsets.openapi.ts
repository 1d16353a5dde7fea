import type { SchemaObject } from '@nestjs/swagger';
import { LABELS, NULLABLE_TIMESTAMP, pageOf, STRINGS, TIMESTAMP } from '../query/openapi-schemas.js';
import { DAEMONSET_POD_SCHEMA } from './daemonset-pod.openapi.js';

const intOrString: SchemaObject = { oneOf: [{ type: 'integer' }, { type: 'string' }], nullable: true };
const count: SchemaObject = { type: 'integer' };

export const DAEMONSET_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    namespace: { type: 'string' },
    name: { type: 'string' },
    uid: { type: 'string' },
    generation: { type: 'integer' },
    observedGeneration: { type: 'integer', nullable: true },
    updateStrategy: {
      type: 'object',
      properties: { type: { type: 'string' }, maxUnavailable: intOrString, maxSurge: intOrString },
    },
    selector: { type: 'object', properties: { matchLabels: LABELS, matchExpressions: { type: 'array' } } },
    containers: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' }, image: { type: 'string' } } },
    },
    images: STRINGS,
    templateGeneration: { type: 'string', nullable: true },
    changeCause: { type: 'string', nullable: true },
    currentRevision: {
      type: 'object',
      nullable: true,
      properties: { hash: { type: 'string', nullable: true }, number: { type: 'integer' } },
    },
    status: {
      type: 'object',
      properties: {
        desiredNumberScheduled: count,
        currentNumberScheduled: count,
        updatedNumberScheduled: count,
        numberReady: count,
        numberAvailable: count,
        numberUnavailable: count,
        numberMisscheduled: count,
        trusted: { type: 'boolean', description: 'observedGeneration >= generation' },
      },
    },
    lastSeenAt: TIMESTAMP,
    deletedAt: NULLABLE_TIMESTAMP,
  },
};

export const DAEMONSET_PAGE_SCHEMA = pageOf(DAEMONSET_SCHEMA);

export const DAEMONSET_POD_PAGE_SCHEMA = pageOf(DAEMONSET_POD_SCHEMA);

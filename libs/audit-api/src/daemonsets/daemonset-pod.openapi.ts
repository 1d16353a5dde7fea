import type { SchemaObject } from '@nestjs/swagger';
import { STRINGS, TIMESTAMP } from '../query/openapi-schemas.js';

const nullableString: SchemaObject = { type: 'string', nullable: true };

export const DAEMONSET_POD_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    namespace: { type: 'string' },
    daemonSet: { type: 'string' },
    node: { type: 'string' },
    pod: { type: 'object', properties: { name: { type: 'string' }, uid: { type: 'string' } } },
    revisionHash: nullableString,
    templateGeneration: nullableString,
    images: STRINGS,
    containers: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          image: { type: 'string' },
          imageID: nullableString,
          ready: { type: 'boolean' },
          restartCount: { type: 'integer' },
          waitingReason: nullableString,
        },
      },
    },
    phase: nullableString,
    ready: { type: 'boolean' },
    restarts: { type: 'integer' },
    waitingReason: nullableString,
    since: { ...TIMESTAMP, description: 'When this pod was first seen on its current revision' },
    lastSeenAt: TIMESTAMP,
    upToDate: { type: 'boolean', description: 'Runs the DaemonSet’s target revision' },
  },
};

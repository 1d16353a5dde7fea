import type { SchemaObject } from '@nestjs/swagger';
import { TIMESTAMP } from '../query/openapi-schemas.js';

const HEAD: SchemaObject = {
  type: 'object',
  properties: { seq: { type: 'integer' }, hash: { type: 'string' } },
};

export const VERIFICATION_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['chains', 'ok'],
  properties: {
    ok: { type: 'boolean', description: 'True when every chain verified' },
    chains: {
      type: 'array',
      items: {
        type: 'object',
        required: ['chain', 'rows', 'head', 'ok'],
        properties: {
          chain: { type: 'string' },
          rows: { type: 'integer', description: 'Rows found intact in seq order before the first break' },
          head: { ...HEAD, description: 'The head recorded when the chain was last extended' },
          ok: { type: 'boolean' },
          firstBreak: {
            type: 'object',
            properties: {
              seq: { type: 'integer' },
              kind: { type: 'string', enum: ['changed', 'missing', 'reordered', 'broken-link', 'truncated'] },
            },
          },
        },
      },
    },
  },
};

export const VERIFY_QUERY_PARAMS = [
  {
    name: 'chain',
    required: false,
    description: 'One chain (topic/partition); every chain when omitted',
    schema: { type: 'string' },
  },
  { name: 'from', required: false, description: 'Only chains with entries occurring at or after', schema: TIMESTAMP },
  { name: 'to', required: false, description: 'Only chains with entries occurring strictly before', schema: TIMESTAMP },
];

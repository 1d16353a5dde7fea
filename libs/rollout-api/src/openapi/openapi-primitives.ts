import type { SchemaObject } from '@nestjs/swagger';

export const TIMESTAMP: SchemaObject = { type: 'string', format: 'date-time' };

export const ACTOR: SchemaObject = {
  type: 'object',
  required: ['kind', 'id'],
  properties: {
    kind: { type: 'string', enum: ['user', 'bot', 'system'] },
    id: { type: 'string' },
    displayName: { type: 'string' },
  },
};

export const NULLABLE_ACTOR: SchemaObject = { ...ACTOR, nullable: true, description: 'Null when the saga acted' };

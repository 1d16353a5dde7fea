import type { SchemaObject } from '@nestjs/swagger';

export const TIMESTAMP: SchemaObject = { type: 'string', format: 'date-time' };
export const NULLABLE_TIMESTAMP: SchemaObject = { ...TIMESTAMP, nullable: true };
export const STRINGS: SchemaObject = { type: 'array', items: { type: 'string' } };
export const LABELS: SchemaObject = { type: 'object', additionalProperties: { type: 'string' } };

/** A cursor page of `item`. */
export function pageOf(item: SchemaObject): SchemaObject {
  return {
    type: 'object',
    required: ['items', 'nextCursor'],
    properties: {
      items: { type: 'array', items: item },
      nextCursor: {
        type: 'string',
        nullable: true,
        description: 'Pass as `cursor` for the next page; null on the last.',
      },
    },
  };
}

export const LIMIT_PARAM = (defaultLimit: number, maximum: number) => ({
  name: 'limit',
  required: false,
  schema: { type: 'integer', minimum: 1, maximum, default: defaultLimit },
});

export const CURSOR_PARAM = { name: 'cursor', required: false, schema: { type: 'string' } };

export const BOOLEAN_PARAM = (name: string, description: string) => ({
  name,
  required: false,
  description,
  schema: { type: 'string', enum: ['true', 'false'] },
});

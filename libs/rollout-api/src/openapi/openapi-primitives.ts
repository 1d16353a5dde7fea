import type { SchemaObject } from '@nestjs/swagger';

export const TEXT: SchemaObject = { type: 'string' };
export const NULLABLE_TEXT: SchemaObject = { type: 'string', nullable: true };
export const INTEGER: SchemaObject = { type: 'integer' };
export const BOOLEAN: SchemaObject = { type: 'boolean' };
export const TIMESTAMP: SchemaObject = { type: 'string', format: 'date-time' };

export const ACTOR: SchemaObject = {
  type: 'object',
  required: ['kind', 'id'],
  properties: {
    kind: { type: 'string', enum: ['user', 'bot', 'system'] },
    id: TEXT,
    displayName: TEXT,
  },
};

export const NULLABLE_ACTOR: SchemaObject = { ...ACTOR, nullable: true, description: 'Null when the saga acted' };

export const objectOf = (properties: Record<string, SchemaObject>): SchemaObject => ({ type: 'object', properties });

export const listOf = (items: SchemaObject, description?: string): SchemaObject =>
  description === undefined ? { type: 'array', items } : { type: 'array', items, description };

export const TEXT_LIST: SchemaObject = listOf(TEXT);

/** A cursor page, as every list route of the API answers. */
export const pageOf = (items: SchemaObject): SchemaObject => ({
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: {
    items: listOf(items),
    nextCursor: { ...NULLABLE_TEXT, description: 'Pass as `cursor` for the next page; null on the last.' },
  },
});

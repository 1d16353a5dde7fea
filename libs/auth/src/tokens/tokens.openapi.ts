import type { SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';
import { API_ROLES } from '../roles/api-role.js';
import { createTokenRequestSchema } from './token-request.schema.js';

const roles: SchemaObject = { type: 'array', items: { type: 'string', enum: [...API_ROLES] } };
const timestamp: SchemaObject = { type: 'string', format: 'date-time' };

export const CREATE_TOKEN_BODY = z.toJSONSchema(createTokenRequestSchema, { io: 'input' }) as SchemaObject;

export const CREATED_TOKEN_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['id', 'name', 'roles', 'token', 'createdAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    roles,
    token: { type: 'string', description: 'The secret; shown in this response only.', example: 'rc_...' },
    createdAt: timestamp,
  },
};

const TOKEN_VIEW_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    roles,
    createdAt: timestamp,
    createdBy: { type: 'string' },
    revokedAt: { ...timestamp, nullable: true },
    lastUsedAt: { ...timestamp, nullable: true },
  },
};

export const TOKEN_PAGE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: {
    items: { type: 'array', items: TOKEN_VIEW_SCHEMA },
    nextCursor: {
      type: 'string',
      nullable: true,
      description: 'Pass as `cursor` for the next page; null on the last.',
    },
  },
};

import fastJsonPatch from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import type { KubeObject } from '../../store/index.js';
import { apiError } from '../kube-status.js';
import type { JsonValue } from './json-value.js';
import { applyMergePatch } from './merge-patch.js';
import { applyStrategicMergePatch, StrategicMergePatchError } from './strategic-merge-patch.js';

export const PATCH_CONTENT_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
] as const;

const UNKNOWN_FORMAT = `the body of the request was in an unknown format - accepted media types include: ${PATCH_CONTENT_TYPES.join(', ')}`;

const parseBody = (body: string): JsonValue => {
  try {
    return JSON.parse(body) as JsonValue;
  } catch {
    throw apiError('BadRequest', 'the patch body is not valid JSON');
  }
};

const asObject = (value: JsonValue): KubeObject => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw apiError('BadRequest', 'the patch did not produce an object');
  }
  return value as unknown as KubeObject;
};

/** Applies a PATCH body of the given media type to a copy of the current object. */
export const patchObject = (current: KubeObject, contentType: string | undefined, body: string): KubeObject => {
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const document = current as unknown as JsonValue;
  switch (mediaType) {
    case 'application/merge-patch+json':
      return asObject(applyMergePatch(document, parseBody(body)));
    case 'application/strategic-merge-patch+json':
      try {
        return asObject(applyStrategicMergePatch(document, parseBody(body)));
      } catch (error) {
        if (error instanceof StrategicMergePatchError) throw apiError('BadRequest', error.message);
        throw error;
      }
    case 'application/json-patch+json': {
      const operations = parseBody(body);
      if (!Array.isArray(operations)) throw apiError('BadRequest', 'a JSON patch must be an array of operations');
      try {
        return asObject(
          fastJsonPatch.applyPatch(document, operations as unknown as Operation[], true, false)
            .newDocument as JsonValue,
        );
      } catch (error) {
        throw apiError('Invalid', `the JSON patch could not be applied: ${(error as Error).message}`);
      }
    }
    default:
      throw apiError('UnsupportedMediaType', UNKNOWN_FORMAT);
  }
};

import { isJsonObject, type JsonValue } from './json-value.js';

/** RFC 7386 JSON Merge Patch: objects merge recursively, null removes, anything else replaces. */
export const applyMergePatch = (target: JsonValue | undefined, patch: JsonValue): JsonValue => {
  if (!isJsonObject(patch)) return patch;
  const result = isJsonObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
};

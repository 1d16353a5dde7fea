import { isJsonObject, type JsonObject, type JsonValue } from './json-value.js';

/**
 * patchMergeKey of the list fields in the kinds served (Pod, DaemonSet, Node, PDB, ...), by field
 * name; lists without one are replaced whole, like `tolerations` in the real types.
 */
const MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  ports: 'containerPort',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  conditions: 'type',
  addresses: 'type',
  ownerReferences: 'uid',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
};

export class StrategicMergePatchError extends Error {}

const DIRECTIVE = '$patch';
const SET_ELEMENT_ORDER = '$setElementOrder/';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList/';
const RETAIN_KEYS = '$retainKeys';

const mergeList = (field: string, current: JsonValue | undefined, patch: JsonValue[]): JsonValue[] => {
  const mergeKey = MERGE_KEYS[field];
  if (patch.some((item) => isJsonObject(item) && item[DIRECTIVE] === 'replace')) {
    return patch.filter((item) => !(isJsonObject(item) && item[DIRECTIVE] === 'replace'));
  }
  if (!mergeKey || !Array.isArray(current)) {
    return patch
      .filter((item) => !(isJsonObject(item) && item[DIRECTIVE] === 'delete'))
      .map((item) => applyStrategicMergePatch(undefined, item));
  }
  const result = [...current];
  for (const item of patch) {
    if (!isJsonObject(item)) throw new StrategicMergePatchError(`list ${field} expects objects with key ${mergeKey}`);
    const at = result.findIndex((existing) => isJsonObject(existing) && existing[mergeKey] === item[mergeKey]);
    if (item[DIRECTIVE] === 'delete') {
      if (at >= 0) result.splice(at, 1);
    } else if (at >= 0) result[at] = applyStrategicMergePatch(result[at], item);
    else result.push(applyStrategicMergePatch(undefined, item));
  }
  return result;
};

// `$setElementOrder/field` lists the merge keys in the order the patch author wants.
const reorder = (field: string, list: JsonValue[], order: JsonValue): JsonValue[] => {
  const mergeKey = MERGE_KEYS[field];
  if (!Array.isArray(order)) return list;
  const keyOf = (item: JsonValue): JsonValue | undefined => (isJsonObject(item) && mergeKey ? item[mergeKey] : item);
  const rank = (item: JsonValue): number => {
    const position = order.findIndex((entry) => keyOf(entry) === keyOf(item));
    return position < 0 ? order.length : position;
  };
  return [...list].sort((a, b) => rank(a) - rank(b));
};

/** Kubernetes strategic merge patch for the directives kubectl sends ($patch, $setElementOrder, $retainKeys, $deleteFromPrimitiveList). */
export const applyStrategicMergePatch = (target: JsonValue | undefined, patch: JsonValue): JsonValue => {
  if (!isJsonObject(patch)) return patch;
  if (patch[DIRECTIVE] === 'replace') return withoutDirectives(patch);
  if (patch[DIRECTIVE] === 'delete') return {};
  const result: JsonObject = isJsonObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === DIRECTIVE || key === RETAIN_KEYS || key.startsWith(SET_ELEMENT_ORDER)) continue;
    if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      const field = key.slice(DELETE_FROM_PRIMITIVE_LIST.length);
      const doomed = Array.isArray(value) ? value : [];
      if (Array.isArray(result[field])) result[field] = result[field].filter((item) => !doomed.includes(item));
      continue;
    }
    if (value === null) delete result[key];
    else if (Array.isArray(value)) result[key] = mergeList(key, result[key], value);
    else if (isJsonObject(value) && value[DIRECTIVE] === 'delete') delete result[key];
    else result[key] = applyStrategicMergePatch(result[key], value);
  }
  for (const [key, order] of Object.entries(patch)) {
    const field = key.slice(SET_ELEMENT_ORDER.length);
    if (key.startsWith(SET_ELEMENT_ORDER) && Array.isArray(result[field]))
      result[field] = reorder(field, result[field], order);
  }
  const retained = patch[RETAIN_KEYS];
  if (Array.isArray(retained)) {
    for (const key of Object.keys(result)) if (!retained.includes(key)) delete result[key];
  }
  return result;
};

const withoutDirectives = (patch: JsonObject): JsonObject => {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === DIRECTIVE || key === RETAIN_KEYS || key.startsWith('$')) continue;
    result[key] = isJsonObject(value) ? applyStrategicMergePatch(undefined, value) : value;
  }
  return result;
};

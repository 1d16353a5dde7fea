import { RESOURCE_NAMES, RESOURCE_CATALOG, type ResourceInfo } from '../store/index.js';

/** A request path resolved against the served resources. */
export interface ResourceRoute {
  readonly info: ResourceInfo;
  readonly namespace?: string;
  readonly name?: string;
  readonly subresource?: string;
}

const byGroupAndResource = new Map(
  RESOURCE_NAMES.map((name) => [`${RESOURCE_CATALOG[name].group}/${name}`, RESOURCE_CATALOG[name]]),
);

const resourceIn = (group: string, resource: string | undefined): ResourceInfo | undefined =>
  resource === undefined ? undefined : byGroupAndResource.get(`${group}/${resource}`);

/**
 * Parses `/api/v1/...` and `/apis/{group}/v1/...`: `{resource}[/{name}[/{sub}]]` for cluster-wide
 * paths and `namespaces/{ns}/{resource}[/{name}[/{sub}]]` for namespaced ones.
 */
export const parseResourcePath = (path: string): ResourceRoute | undefined => {
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let rest: string[];
  if (segments[0] === 'api' && segments[1] === 'v1') {
    group = '';
    rest = segments.slice(2);
  } else if (segments[0] === 'apis' && segments[2] === 'v1' && segments[1] !== undefined) {
    group = segments[1];
    rest = segments.slice(3);
  } else return undefined;
  const namespacedResource = rest[0] === 'namespaces' ? resourceIn(group, rest[2]) : undefined;
  if (namespacedResource?.namespaced && rest[1] !== undefined) {
    if (rest.length > 5) return undefined;
    return { info: namespacedResource, namespace: rest[1], name: rest[3], subresource: rest[4] };
  }
  const info = resourceIn(group, rest[0]);
  if (!info || rest.length > 3 || (info.namespaced && rest.length > 1)) return undefined;
  return { info, name: rest[1], subresource: rest[2] };
};

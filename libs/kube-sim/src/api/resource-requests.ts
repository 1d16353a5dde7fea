import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClusterStore, DeleteOptions, KubeObject, ListFilter } from '../store/index.js';
import type { ResourceRoute } from './api-route.js';
import type { EvictionHandler } from './eviction-handler.js';
import { evictionStatus, parseEviction } from './eviction-request.js';
import { parseJsonObject, readBody, sendJson, sendJsonText, sendStatus } from './http-io.js';
import { apiError } from './kube-status.js';
import { listResponseJson } from './list-response.js';
import { patchObject } from './patch/patch-object.js';
import { serveWatch, type OpenWatches } from './watch-stream.js';

export interface ResourceRequestContext {
  readonly store: ClusterStore;
  readonly evictPod: EvictionHandler;
  readonly openWatches: OpenWatches;
  readonly bookmarkIntervalMs: number;
}

interface Exchange {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly query: URLSearchParams;
}

const DEFAULT_WATCH_TIMEOUT_SECONDS = 1800;

const isTrue = (value: string | null): boolean => value === 'true' || value === '1';

const optionalNumber = (query: URLSearchParams, name: string): number | undefined => {
  const text = query.get(name);
  if (text === null || text === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw apiError('BadRequest', `invalid ${name}: ${text}`);
  return value;
};

const refuseDryRun = (query: URLSearchParams): void => {
  if (query.getAll('dryRun').length > 0) throw apiError('BadRequest', 'dryRun is supported only on evictions');
};

const requireName = (route: ResourceRoute): string => {
  if (!route.name)
    throw apiError('MethodNotAllowed', 'the server does not allow this method on the requested resource');
  return route.name;
};

const statusSubresource = (route: ResourceRoute): { subresource?: 'status' } => {
  if (route.subresource === undefined) return {};
  if (route.subresource === 'status' && route.info.hasStatus) return { subresource: 'status' };
  throw apiError('NotFound', 'the server could not find the requested resource');
};

const getExisting = (context: ResourceRequestContext, route: ResourceRoute, name: string): KubeObject => {
  const found = context.store.get(route.info.resource, route.namespace, name);
  if (found) return found;
  const qualified = route.info.group ? `${route.info.resource}.${route.info.group}` : route.info.resource;
  throw apiError('NotFound', `${qualified} "${name}" not found`, {
    name,
    group: route.info.group || undefined,
    kind: route.info.resource,
  });
};

const withTarget = (object: KubeObject, route: ResourceRoute, name?: string): KubeObject => {
  if (route.namespace && object.metadata.namespace && object.metadata.namespace !== route.namespace) {
    throw apiError(
      'BadRequest',
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  }
  if (name && object.metadata.name && object.metadata.name !== name) {
    throw apiError(
      'BadRequest',
      `the name of the object (${object.metadata.name}) does not match the name on the URL (${name})`,
    );
  }
  return { ...object, metadata: { ...object.metadata, namespace: route.namespace, ...(name ? { name } : {}) } };
};

const deleteOptionsOf = (body: string, query: URLSearchParams): DeleteOptions => {
  const fromBody = body.trim() ? (parseJsonObject(body, 'DeleteOptions') as unknown as DeleteOptions) : {};
  return {
    preconditions: fromBody.preconditions,
    gracePeriodSeconds: fromBody.gracePeriodSeconds ?? optionalNumber(query, 'gracePeriodSeconds'),
  };
};

// Typed clients (kubectl create namespace, ...) may send protobuf; the simulator speaks JSON only.
const requireJsonBody = (request: IncomingMessage): void => {
  const mediaType = (request.headers['content-type'] ?? 'application/json').split(';')[0].trim();
  if (mediaType !== 'application/json' && mediaType !== '*/*' && mediaType !== '') {
    throw apiError(
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml`,
    );
  }
};

const serveCollection = (context: ResourceRequestContext, route: ResourceRoute, exchange: Exchange): void => {
  const { query } = exchange;
  const filter: ListFilter = {
    namespace: route.namespace,
    labelSelector: query.get('labelSelector') ?? undefined,
    fieldSelector: [query.get('fieldSelector'), route.name ? `metadata.name=${route.name}` : null]
      .filter(Boolean)
      .join(','),
  };
  if (isTrue(query.get('watch'))) {
    const timeoutSeconds = optionalNumber(query, 'timeoutSeconds') ?? DEFAULT_WATCH_TIMEOUT_SECONDS;
    const settings = {
      resourceVersion: query.get('resourceVersion') ?? undefined,
      allowBookmarks: isTrue(query.get('allowWatchBookmarks')),
      bookmarkIntervalMs: context.bookmarkIntervalMs,
      timeoutMs: timeoutSeconds * 1000,
    };
    serveWatch(context.store, route.info, filter, settings, exchange, context.openWatches);
    return;
  }
  const page = context.store.listJson(route.info.resource, {
    ...filter,
    limit: optionalNumber(query, 'limit'),
    continue: query.get('continue') ?? undefined,
  });
  sendJsonText(exchange.response, 200, listResponseJson(route.info, page));
};

/** get, list, watch, create, update, patch, delete and the eviction subresource of one resource path. */
export const serveResourceRequest = async (
  context: ResourceRequestContext,
  route: ResourceRoute,
  exchange: Exchange,
): Promise<void> => {
  const { request, response, query } = exchange;
  const { store, evictPod } = context;
  const resource = route.info.resource;
  switch (request.method) {
    case 'GET':
      if (!route.name || (isTrue(query.get('watch')) && !route.subresource))
        return serveCollection(context, route, exchange);
      statusSubresource(route);
      return sendJson(response, 200, getExisting(context, route, route.name));
    case 'POST': {
      requireJsonBody(request);
      const body = await readBody(request);
      if (resource === 'pods' && route.subresource === 'eviction' && route.name && route.namespace) {
        const eviction = parseEviction(body, { namespace: route.namespace, name: route.name }, query.getAll('dryRun'));
        return sendStatus(response, evictionStatus(evictPod(eviction), route.name));
      }
      if (route.name)
        throw apiError('MethodNotAllowed', 'the server does not allow this method on the requested resource');
      refuseDryRun(query);
      return sendJson(response, 201, store.create(resource, withTarget(parseJsonObject(body, 'create'), route)));
    }
    case 'PUT': {
      const name = requireName(route);
      requireJsonBody(request);
      refuseDryRun(query);
      const object = withTarget(parseJsonObject(await readBody(request), 'update'), route, name);
      return sendJson(response, 200, store.update(resource, object, statusSubresource(route)));
    }
    case 'PATCH': {
      const name = requireName(route);
      refuseDryRun(query);
      const subresource = statusSubresource(route);
      const body = await readBody(request);
      const patched = patchObject(getExisting(context, route, name), request.headers['content-type'], body);
      return sendJson(response, 200, store.update(resource, withTarget(patched, route, name), subresource));
    }
    case 'DELETE': {
      const name = requireName(route);
      refuseDryRun(query);
      const options = deleteOptionsOf(await readBody(request), query);
      return sendJson(response, 200, store.delete(resource, route.namespace, name, options));
    }
    default:
      throw apiError('MethodNotAllowed', `the server does not allow the method ${request.method}`);
  }
};

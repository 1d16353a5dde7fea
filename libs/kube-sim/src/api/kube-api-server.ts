import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NodeFaults } from '../faults/node-faults.port.js';
import type { ClusterStore } from '../store/index.js';
import { parseResourcePath } from './api-route.js';
import { apiGroup, apiGroupList, apiResourceList, coreApiVersions, SERVED_GROUPS, versionInfo } from './discovery.js';
import type { EvictionHandler } from './eviction-handler.js';
import { evictWithoutBudgets } from './eviction-request.js';
import { sendJson, sendStatus } from './http-io.js';
import { apiError, statusFromError } from './kube-status.js';
import { serveResourceRequest, type ResourceRequestContext } from './resource-requests.js';
import { serveSimAdminRequest } from './sim-admin-requests.js';
import { openApiV3Document, openApiV3Index } from './openapi-v3.js';
import { OpenWatches } from './watch-stream.js';

export interface KubeApiServerOptions {
  readonly store: ClusterStore;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: a free port. */
  readonly port?: number;
  readonly nodeFaults?: NodeFaults;
  /** The disruption rules; without them an eviction simply deletes the pod. */
  readonly evictPod?: EvictionHandler;
  /** How often watches with allowWatchBookmarks get a BOOKMARK. Default 10 s. */
  readonly bookmarkIntervalMs?: number;
}

export interface KubeApiServer {
  readonly url: string;
  readonly port: number;
  /** Ends every open watch stream, as when an API server restarts. */
  dropWatches(): void;
  close(): Promise<void>;
}

const discoveryDocument = (path: string, serverAddress: string): unknown => {
  if (path === '/version') return versionInfo();
  if (path === '/api') return coreApiVersions(serverAddress);
  if (path === '/api/v1') return apiResourceList('');
  if (path === '/apis') return apiGroupList();
  if (path === '/openapi/v3') return openApiV3Index();
  if (path.startsWith('/openapi/v3/')) return openApiV3Document(path);
  const [, apis, group, version, extra] = path.split('/');
  if (apis !== 'apis' || !SERVED_GROUPS.includes(group) || extra !== undefined) return undefined;
  if (version === undefined) return apiGroup(group);
  return version === 'v1' ? apiResourceList(group) : undefined;
};

/** The simulated cluster's Kubernetes API over plain HTTP, for @kubernetes/client-node and kubectl. */
export const startKubeApiServer = async (options: KubeApiServerOptions): Promise<KubeApiServer> => {
  const openWatches = new OpenWatches();
  const context: ResourceRequestContext = {
    store: options.store,
    evictPod: options.evictPod ?? evictWithoutBudgets(options.store),
    openWatches,
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 10_000,
  };
  let serverAddress = '';

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://simulator');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const route = parseResourcePath(path);
    try {
      if (route) return await serveResourceRequest(context, route, { request, response, query: url.searchParams });
      if (path.startsWith('/sim/')) {
        const segments = path.split('/').slice(2);
        return serveSimAdminRequest(
          { ...context, nodeFaults: options.nodeFaults },
          request.method,
          segments,
          url.searchParams,
          response,
        );
      }
      const document = request.method === 'GET' ? discoveryDocument(path, serverAddress) : undefined;
      if (document === undefined) throw apiError('NotFound', 'the server could not find the requested resource');
      sendJson(response, 200, document);
    } catch (error) {
      if (response.headersSent) response.end();
      else sendStatus(response, statusFromError(error, route && { info: route.info, name: route.name }));
    }
  };

  const server = createServer((request, response) => void handle(request, response));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  serverAddress = `${host}:${port}`;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    dropWatches: () => void openWatches.dropAll(),
    close: async () => {
      openWatches.dropAll();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
};

import type { ServerResponse } from 'node:http';
import type { ClusterStore } from '../store/index.js';
import type { NodeFaults } from '../faults/node-faults.port.js';
import { sendJson } from './http-io.js';
import { apiError } from './kube-status.js';
import type { OpenWatches } from './watch-stream.js';

export interface SimAdminContext {
  readonly store: ClusterStore;
  readonly nodeFaults?: NodeFaults;
  readonly openWatches: OpenWatches;
}

const nodeFault = (faults: NodeFaults, node: string, fault: string, query: URLSearchParams): void => {
  switch (fault) {
    case 'vanish':
      return faults.vanish(node);
    case 'restore':
      return faults.restore(node);
    case 'not-ready':
      return faults.setReady(node, false);
    case 'ready':
      return faults.setReady(node, true);
    case 'slow': {
      const delay = Number(query.get('extraStartDelayMs'));
      if (!Number.isInteger(delay) || delay < 0) {
        throw apiError('BadRequest', 'slow needs ?extraStartDelayMs=<non-negative integer milliseconds>');
      }
      return faults.setSlow(node, delay);
    }
    default:
      throw apiError('NotFound', `unknown node fault "${fault}" (vanish, restore, not-ready, ready, slow)`);
  }
};

/** POST /sim/compact, /sim/drop-watches and /sim/nodes/{name}/{fault}: fault injection for tests and demos. */
export const serveSimAdminRequest = (
  context: SimAdminContext,
  method: string | undefined,
  segments: readonly string[],
  query: URLSearchParams,
  response: ServerResponse,
): void => {
  if (method !== 'POST') throw apiError('MethodNotAllowed', 'the /sim/ endpoints accept POST only');
  const [action, node, fault] = segments;
  if (action === 'compact' && segments.length === 1) {
    context.store.compact();
    return sendJson(response, 200, { compactedThrough: context.store.currentResourceVersion() });
  }
  if (action === 'drop-watches' && segments.length === 1) {
    return sendJson(response, 200, { dropped: context.openWatches.dropAll() });
  }
  if (action === 'nodes' && node && fault && segments.length === 3) {
    if (!context.nodeFaults) throw apiError('NotImplemented', 'this simulator runs without node fault injection');
    nodeFault(context.nodeFaults, node, fault, query);
    return sendJson(response, 200, { node, fault });
  }
  throw apiError('NotFound', `unknown simulator endpoint /sim/${segments.join('/')}`);
};

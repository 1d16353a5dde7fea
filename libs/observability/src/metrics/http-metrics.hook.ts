import type { FastifyInstance } from 'fastify';
import type { RollcallMetrics } from './rollcall-metrics.js';

/** Counts every response, labelled by route pattern (not raw URL) to keep label cardinality bounded. */
export function instrumentHttp(fastify: FastifyInstance, metrics: RollcallMetrics): void {
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.recordHttpRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });
}

import type { FastifyInstance } from 'fastify';
import type { GraphStore } from '../graph';
import { HEALTH_LIVE_PATH, HEALTH_PATH, HEALTH_READY_PATH, METRICS_PATH, NOT_READY_RETRY_AFTER_SECONDS, REQUEST_ID_HEADER } from './limits';
import type { ServiceMetrics } from './ServiceMetrics';

/** Health checks, metrics and per-request logging on the application (not an encapsulated
 *  plugin: its hooks see every route).
 *  - `/health/live` (and `/health`): the process answers.
 *  - `/health/ready`: 200 when a query sent now would be taken, else 503 with the reason
 *    (the data is loading, no worker can take a query).
 *  - `/metrics`: the Prometheus series of ServiceMetrics.
 *  - every answer carries the request id; one log line per request, at debug level. */
export function observe(app: FastifyInstance, store: GraphStore, metrics: ServiceMetrics): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    metrics.requestDuration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, seconds);
    request.log.debug(
      { method: request.method, url: request.url, route, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 },
      'request answered',
    );
  });

  const live = async () => ({ status: 'ok' });
  const hidden = { schema: { hide: true } };
  app.get(HEALTH_PATH, hidden, live);
  app.get(HEALTH_LIVE_PATH, hidden, live);
  app.get(HEALTH_READY_PATH, hidden, async (_request, reply) => {
    const status = store.status();
    const body = {
      ready: status.ready,
      ...(status.reason ? { reason: status.reason } : {}),
      backend: status.backend,
      revision: status.revision,
      workers: status.workers,
      queue: { depth: status.queue.depth, limit: Number.isFinite(status.queue.limit) ? status.queue.limit : null },
    };
    if (!status.ready) reply.code(503).header('retry-after', String(NOT_READY_RETRY_AFTER_SECONDS));
    return body;
  });
  app.get(METRICS_PATH, hidden, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}

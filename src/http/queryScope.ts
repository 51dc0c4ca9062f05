import { setMaxListeners } from 'node:events';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { QueryScope } from '../graph';

const scopes = new WeakMap<FastifyRequest, QueryScope>();

/** The request's scope for store queries (one per request, however many queries it makes):
 *  aborted when the client closes the connection before the answer is sent, a deadline
 *  (when given) `timeoutMs` after the request arrived (time spent queued counts), and the client's
 *  address as its identity for the store's per-client limits. */
export function queryScope(request: FastifyRequest, reply: FastifyReply, timeoutMs?: number): QueryScope {
  let scope = scopes.get(request);
  if (!scope) {
    const controller = new AbortController();
    // One page may make many queries, each listening for the abort.
    setMaxListeners(0, controller.signal);
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) controller.abort();
    });
    scope = {
      signal: controller.signal,
      ...(timeoutMs !== undefined ? { deadline: Date.now() - reply.elapsedTime + timeoutMs } : {}),
      clientId: request.ip,
    };
    scopes.set(request, scope);
  }
  return scope;
}

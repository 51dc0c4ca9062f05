import type { FastifyCorsOptions, FastifyCorsOptionsDelegateCallback } from '@fastify/cors';
import { CORS_MAX_AGE_SECONDS } from './limits';

/** The one CORS policy of the service. The data is public and read-only without a token: any
 *  origin may read it (GET, HEAD, POST of queries) with the request headers reading needs.
 *  `Authorization`, and with it cross-origin writes, is offered only to the origins the
 *  operator names (UNKG_CORS_WRITE_ORIGINS): a page from any other origin cannot have a
 *  browser send a write token. */

/** Request headers a cross-origin reader may send. */
export const CORS_READ_HEADERS = [
  'Accept',
  'Accept-Language',
  'Cache-Control',
  'Content-Language',
  'Content-Type',
  'If-Modified-Since',
  'If-None-Match',
  'X-Request-Id',
  'X-Requested-With',
] as const;
export const CORS_READ_METHODS = ['GET', 'HEAD', 'POST'] as const;
export const CORS_WRITE_METHODS = [...CORS_READ_METHODS, 'PUT', 'DELETE'] as const;
/** Front ends on other origins read these: truncation of graph exports, alternates, file names,
 *  the request id to quote in a report, when to retry. */
export const CORS_EXPOSED_HEADERS = ['Graph-Truncated', 'Link', 'Content-Disposition', 'X-Request-Id', 'Retry-After', 'ETag'] as const;

export function corsPolicy(writeOrigins: readonly string[]): FastifyCorsOptions {
  const common = { exposedHeaders: [...CORS_EXPOSED_HEADERS], maxAge: CORS_MAX_AGE_SECONDS };
  const read: FastifyCorsOptions = { ...common, origin: '*', methods: [...CORS_READ_METHODS], allowedHeaders: [...CORS_READ_HEADERS] };
  if (!writeOrigins.length) return read;
  const writers = new Set(writeOrigins);
  const delegator: FastifyCorsOptionsDelegateCallback = (request, callback) => {
    const origin = request.headers.origin;
    callback(
      null,
      origin && writers.has(origin) ? { ...common, origin, methods: [...CORS_WRITE_METHODS], allowedHeaders: [...CORS_READ_HEADERS, 'Authorization'] } : read,
    );
  };
  return { delegator };
}

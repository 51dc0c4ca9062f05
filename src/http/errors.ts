import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  DatasetConflictError,
  GraphStoreError,
  NonDeterministicUpdateError,
  QueryCancelledError,
  QueryEvaluationError,
  QueryTooComplexError,
  QuerySyntaxError,
  QueryTimeoutError,
  RdfSyntaxError,
  StoreBusyError,
  StoreClosedError,
  UnsupportedFormatError,
} from '../graph';

/** HTTP errors of the service and the one mapping from any error to a status. 4xx responses
 *  say what was wrong; 5xx are logged with the request and answered "Internal Server Error". */

export class HttpError extends Error {
  override readonly name: string = this.constructor.name;
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export class BadRequestError extends HttpError {
  constructor(message: string) {
    super(400, message);
  }
}

export class UnauthorizedError extends HttpError {
  constructor(message: string, realm = 'unkg') {
    super(401, message, { 'WWW-Authenticate': `Bearer realm="${realm}"` });
  }
}

export class ForbiddenError extends HttpError {
  constructor(message: string) {
    super(403, message);
  }
}

export class NotFoundError extends HttpError {
  constructor(message: string) {
    super(404, message);
  }
}

export class MethodNotAllowedError extends HttpError {
  constructor(method: string, path: string, allowed: readonly string[]) {
    super(405, `${method} is not allowed on ${path}; use ${allowed.join(', ')}`, { Allow: allowed.join(', ') });
  }
}

export class NotAcceptableError extends HttpError {
  constructor(
    accept: string,
    readonly supported: readonly string[],
  ) {
    super(406, `None of the media types in Accept: ${JSON.stringify(accept)} can be served here; available: ${supported.join(', ')}`);
  }
}

export class UnsupportedMediaTypeError extends HttpError {
  constructor(
    given: string | undefined,
    readonly supported: readonly string[],
  ) {
    super(
      415,
      given
        ? `Content-Type ${JSON.stringify(given)} is not accepted here; send one of: ${supported.join(', ')}`
        : `The request has a body but no Content-Type; send one of: ${supported.join(', ')}`,
    );
  }
}

/** A body in a content coding the service does not decode (gzip, br, ...): refused before it is
 *  read rather than parsed as if it were plain (RFC 9110 §15.5.16, with Accept-Encoding). */
export class UnsupportedContentEncodingError extends HttpError {
  constructor(coding: string) {
    super(415, `Content-Encoding ${JSON.stringify(coding)} is not accepted: send the body uncompressed (identity)`, { 'accept-encoding': 'identity' });
  }
}

/** A query that passed the time limit. 503 rather than 408 (which means the client was too
 *  slow to send its request) or 500: the service refused to spend more time on it, as Fuseki
 *  answers for its own query timeouts. */
export class QueryTimedOutError extends HttpError {
  constructor(message: string) {
    super(503, message);
  }
}

export class ServiceUnavailableError extends HttpError {
  constructor(message: string) {
    super(503, message);
  }
}

/** Store errors that are the client's to fix. */
const CLIENT_ERRORS: Array<[new (...args: never[]) => GraphStoreError, number]> = [
  [QuerySyntaxError, 400],
  [RdfSyntaxError, 400],
  [QueryEvaluationError, 400],
  [QueryTooComplexError, 400],
  [DatasetConflictError, 400],
  [NonDeterministicUpdateError, 400],
  [UnsupportedFormatError, 415],
];

export interface ErrorResponse {
  statusCode: number;
  message: string;
  headers: Record<string, string>;
}

const INTERNAL = 'Internal Server Error';

/** Status of a request whose client went away before the answer (nginx's convention); it is
 *  never seen by that client, and not logged as a failure of the service. */
export const CLIENT_CLOSED_REQUEST = 499;

/** The status, public message and headers for any error. */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof HttpError) return { statusCode: error.statusCode, message: error.message, headers: error.headers };
  if (error instanceof QueryTimeoutError) return toErrorResponse(new QueryTimedOutError(error.message));
  if (error instanceof StoreBusyError) return { statusCode: 503, message: error.message, headers: { 'Retry-After': String(error.retryAfterS) } };
  if (error instanceof QueryCancelledError) return { statusCode: CLIENT_CLOSED_REQUEST, message: error.message, headers: {} };
  if (error instanceof StoreClosedError) return toErrorResponse(new ServiceUnavailableError('The service is shutting down'));
  for (const [type, statusCode] of CLIENT_ERRORS) {
    if (error instanceof type) return { statusCode, message: error.message, headers: {} };
  }
  // fastify's own errors (body too large, bad JSON, ...) carry their status.
  const status = (error as FastifyError | undefined)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return { statusCode: status, message: (error as Error).message, headers: {} };
  return { statusCode: 500, message: INTERNAL, headers: {} };
}

export function sendError(reply: FastifyReply, response: ErrorResponse): FastifyReply {
  return reply
    .code(response.statusCode)
    .headers(response.headers)
    .type('application/json; charset=utf-8')
    .send({ statusCode: response.statusCode, error: STATUS_CODES[response.statusCode] ?? 'Error', message: response.message });
}

/** fastify error handler: one place where errors become responses. */
export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const response = toErrorResponse(error);
  if (response.statusCode >= 500) {
    request.log.error({ err: error, req: { method: request.method, url: request.url, id: request.id } }, 'request failed');
  }
  return sendError(reply, response);
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendError(reply, { statusCode: 404, message: `No resource at ${request.method} ${request.url.split('?')[0]}`, headers: {} });
}

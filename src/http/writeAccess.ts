import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthorizedError } from './errors';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Writes (SPARQL Update, Graph Store PUT/POST/DELETE) are enabled only when a write token is
 *  configured, and then need `Authorization: Bearer <token>`. Throws 403 when writes are
 *  disabled or the token is wrong, 401 when it is missing. */
export function assertWriteAccess(authorization: string | undefined, writeToken: string | undefined): void {
  if (!writeToken) throw new ForbiddenError('This service is read-only: writes are disabled because no write token is configured');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) throw new UnauthorizedError('Writes need an Authorization: Bearer <token> header');
  // Compare digests so the comparison takes the same time whatever the token's length.
  if (!timingSafeEqual(digest(match[1]), digest(writeToken))) throw new ForbiddenError('The bearer token does not grant write access');
}

/** An onRequest hook for the write routes: the token is checked before the body is read, so an
 *  unauthenticated upload is answered at once (401/403) and its body never buffered. The
 *  connection is closed after the answer, so the client stops sending rather than having its
 *  remaining bytes read and thrown away. */
export function requireWriteAccess(writeToken: string | undefined): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  return async (request, reply) => {
    try {
      assertWriteAccess(request.headers.authorization, writeToken);
    } catch (error) {
      if (hasBody(request)) reply.header('connection', 'close');
      throw error;
    }
  };
}

/** True when the request announces a body (a length above zero, or chunked transfer). */
function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

import { createHash, timingSafeEqual } from 'node:crypto';
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

/** Helpers for Content-Type and Content-Encoding headers. */
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { UnsupportedContentEncodingError } from './errors';

/** The bare media type, lower-cased (`text/turtle` for `Text/Turtle; charset=UTF-8`). */
export function contentTypeOf(header: string | undefined): string | undefined {
  const type = header?.split(';')[0].trim().toLowerCase();
  return type || undefined;
}

/** Parameters of a Content-Type header, names lower-cased, quotes removed. */
export function mediaTypeParams(header: string | undefined): Record<string, string> {
  const params: Record<string, string> = Object.create(null);
  for (const part of (header ?? '').split(';').slice(1)) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    params[part.slice(0, index).trim().toLowerCase()] = part
      .slice(index + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return params;
}

/** The value to send as Content-Type: text formats say they are UTF-8. */
export const withCharset = (mediaType: string): string => (mediaType.startsWith('text/') ? `${mediaType}; charset=utf-8` : mediaType);

/** onRequest hook: a request whose body is in a content coding other than identity is answered
 *  415 before its body is read (the service reads bodies as they are sent). */
export function refuseEncodedBodies(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const coding = request.headers['content-encoding'];
  if (coding === undefined || /^\s*(identity)?\s*$/i.test(coding)) return done();
  done(new UnsupportedContentEncodingError(coding));
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BadRequestError, contentTypeOf, mediaTypeParams } from '../http';
import { decodeUtf8, parseForm, type Params } from './formParams';

/** What a body parser hands to the SPARQL routes. */
export type RequestBody =
  { kind: 'form'; params: Params } | { kind: 'sparql-query' | 'sparql-update'; text: string } | { kind: 'other'; mediaType: string | undefined; bytes: Buffer };

export const FORM = 'application/x-www-form-urlencoded';
export const SPARQL_QUERY = 'application/sparql-query';
export const SPARQL_UPDATE = 'application/sparql-update';

/** Only UTF-8 is accepted (SPARQL 1.1 Protocol 2.1.3): a charset parameter naming anything
 *  else is refused rather than misread. */
function assertUtf8Charset(request: FastifyRequest): void {
  const charset = mediaTypeParams(request.headers['content-type']).charset;
  if (charset && !/^utf-?8$/i.test(charset)) {
    throw new BadRequestError(`The body must be UTF-8; Content-Type declares charset=${charset}`);
  }
}

/** Replaces fastify's body parsers in this (encapsulated) context: forms and SPARQL texts are
 *  decoded strictly as UTF-8, and every other body is kept as bytes so the route can say
 *  precisely which media types it accepts. */
export function registerBodyParsers(app: FastifyInstance, bodyLimit: number): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(FORM, { parseAs: 'buffer', bodyLimit }, (request, body, done) => {
    try {
      assertUtf8Charset(request);
      done(null, { kind: 'form', params: parseForm(decodeUtf8(body as Buffer, 'The form body'), 'the form body') } satisfies RequestBody);
    } catch (error) {
      done(error as Error);
    }
  });
  for (const [mediaType, kind] of [
    [SPARQL_QUERY, 'sparql-query'],
    [SPARQL_UPDATE, 'sparql-update'],
  ] as const) {
    app.addContentTypeParser(mediaType, { parseAs: 'buffer', bodyLimit }, (request, body, done) => {
      try {
        assertUtf8Charset(request);
        done(null, { kind, text: decodeUtf8(body as Buffer, `The ${mediaType} body`) } satisfies RequestBody);
      } catch (error) {
        done(error as Error);
      }
    });
  }
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (request, body, done) => {
    done(null, { kind: 'other', mediaType: contentTypeOf(request.headers['content-type']), bytes: body as Buffer } satisfies RequestBody);
  });
}

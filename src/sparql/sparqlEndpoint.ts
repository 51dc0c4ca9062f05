import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  assertWriteAccess,
  contentTypeOf,
  queryScope,
  MAX_POST_BODY_BYTES,
  requireWriteAccess,
  MethodNotAllowedError,
  negotiateReply,
  withCharset,
  type HttpCache,
} from '../http';
import { queryForm, withExplicitStringDatatype, type GraphStore, type RdfMediaType, type ResultsMediaType } from '../graph';
import type { StatisticsCache } from './datasetStatistics';
import { OFFERS, writeRdf } from '../vocab';
import { formatOverride, isGraphForm, offerFor } from './formats';
import { urlParams } from './formParams';
import { readOperation, type ProtocolOperation } from './protocolOperation';
import { registerBodyParsers, SPARQL_UPDATE, type RequestBody } from './requestBody';
import { DESCRIPTION_PREFIXES, describeService } from './serviceDescription';
import { publicUrlOf, type SparqlPluginOptions } from './SparqlPluginOptions';

/** Paths of the SPARQL 1.1 Protocol endpoint (queries and updates alike). */
export const ENDPOINT_PATHS = ['/sparql', '/query'] as const;

type EndpointOptions = SparqlPluginOptions & { statistics: StatisticsCache };

/** Clients that drop plain literals from JSON results unless they carry xsd:string: rdflib
 *  6.1.1's SERVICE client (User-Agent "rdflibForAnUser"; see withExplicitStringDatatype).
 *  Everyone else gets plain literals as the engine writes them. */
export const EXPLICIT_STRING_DATATYPE_CLIENTS = /^rdflib/i;

/** Content-Type values, with their charset, made once per media type. */
const CONTENT_TYPES = new Map<string, string>();
const contentTypeFor = (mediaType: string): string => {
  let value = CONTENT_TYPES.get(mediaType);
  if (value === undefined) CONTENT_TYPES.set(mediaType, (value = withCharset(mediaType)));
  return value;
};

/** "Cache-Control: no-cache" (or no-store) asks for an answer evaluated now (RFC 9111 §5.2.1.4). */
function asksForFreshAnswer(cacheControl: string | undefined): boolean {
  if (!cacheControl) return false;
  const directives = cacheControl.toLowerCase();
  return directives.includes('no-cache') || directives.includes('no-store');
}

/** The SPARQL 1.1 Protocol: queries by GET, form POST and direct POST; updates by POST; the
 *  service description on a GET without a query. */
export const sparqlEndpoint: FastifyPluginAsync<EndpointOptions> = async (app, options) => {
  registerBodyParsers(app, MAX_POST_BODY_BYTES);
  // An update sent as an application/sparql-update body is known to be a write before its body
  // is read: the token is checked first. (An update in a form is known only once the form is
  // read, under MAX_POST_BODY_BYTES; the handler checks it then.)
  const writeAccess = requireWriteAccess(options.writeToken);
  const updateBodyFirst = async (request: FastifyRequest, reply: FastifyReply) => {
    if (contentTypeOf(request.headers['content-type']) === SPARQL_UPDATE) await writeAccess(request, reply);
  };
  for (const path of ENDPOINT_PATHS) {
    const handler = (request: FastifyRequest, reply: FastifyReply) => answer(request, reply, path, options);
    // The API docs show /sparql once, for reading; /query is the same endpoint.
    const docs = path === ENDPOINT_PATHS[0] ? { tags: ['sparql'] } : { hide: true };
    app.get(path, { schema: { summary: 'SPARQL 1.1 query (?query=...); without a query, the service description', ...docs } }, handler);
    app.post(
      path,
      { onRequest: updateBodyFirst, schema: { summary: 'SPARQL 1.1 query or update (form or direct body; updates need Authorization: Bearer)', ...docs } },
      handler,
    );
    app.route({
      method: ['PUT', 'DELETE', 'PATCH'],
      url: path,
      schema: { hide: true },
      handler: async (request) => {
        throw new MethodNotAllowedError(request.method, path, ['GET', 'HEAD', 'POST', 'OPTIONS']);
      },
    });
  }
};

async function answer(request: FastifyRequest, reply: FastifyReply, path: string, options: EndpointOptions): Promise<unknown> {
  const operation = readOperation(request.method, urlParams(request.url), request.body as RequestBody | undefined);
  const endpoint = publicUrlOf(request, options.publicUrl, path);
  switch (operation.kind) {
    case 'description':
      return describe(request, reply, endpoint, options);
    case 'query':
      return query(request, reply, operation, endpoint, options.store, options.httpCache);
    case 'update':
      assertWriteAccess(request.headers.authorization, options.writeToken);
      await options.store.update(operation.update, {
        baseIri: endpoint,
        usingGraphs: operation.usingGraphs,
        usingNamedGraphs: operation.usingNamedGraphs,
      });
      return reply.code(204).send();
  }
}

async function query(
  request: FastifyRequest,
  reply: FastifyReply,
  operation: Extract<ProtocolOperation, { kind: 'query' }>,
  endpoint: string,
  store: GraphStore,
  httpCache: HttpCache | undefined,
): Promise<FastifyReply> {
  const form = queryForm(operation.query);
  const graph = isGraphForm(form);
  const mediaType = negotiateReply(request, reply, offerFor(form), { chosen: formatOverride(operation.format, form) });
  // The answer depends on the URL (query, dataset, format), the media type and the base IRI.
  if (httpCache?.notModified(request, reply, `${mediaType} ${endpoint}`)) return reply.send();
  const dataset =
    operation.defaultGraphs.length || operation.namedGraphs.length ? { defaultGraphs: operation.defaultGraphs, namedGraphs: operation.namedGraphs } : {};
  const result = await store.query(operation.query, {
    ...(graph ? { graphFormat: mediaType as RdfMediaType } : { resultsFormat: mediaType as ResultsMediaType }),
    ...dataset,
    baseIri: endpoint,
    ...queryScope(request, reply),
    ...(asksForFreshAnswer(request.headers['cache-control']) ? { cache: false } : {}),
  });
  const explicit = result.mediaType === 'application/sparql-results+json' && EXPLICIT_STRING_DATATYPE_CLIENTS.test(request.headers['user-agent'] ?? '');
  // The two spellings are the same RDF terms: a shared cache may give either to anyone.
  return reply.type(contentTypeFor(result.mediaType)).send(explicit ? withExplicitStringDatatype(result.body) : result.body);
}

/** The service description, or the HTML page when a browser asks and one is configured. A
 *  client whose Accept matches no RDF format still gets Turtle: federators probe endpoints
 *  with all sorts of headers, and a description is more useful to them than a 406. Only the
 *  RDF media types themselves count (a browser's application/xml is not a request for
 *  RDF/XML). */
async function describe(request: FastifyRequest, reply: FastifyReply, endpoint: string, options: EndpointOptions): Promise<unknown> {
  if (options.htmlPage && negotiateReply(request, reply, OFFERS.descriptionOrPage, { orFallback: true }) === 'text/html') {
    return options.htmlPage(request, reply);
  }
  const mediaType = negotiateReply(request, reply, OFFERS.description, { orFallback: true });
  const statistics = await options.statistics.get().catch((error: Error) => {
    request.log.warn({ err: error }, 'service description without dataset statistics');
    return undefined;
  });
  const quads = describeService({ endpoint, updateEnabled: Boolean(options.writeToken), statistics });
  return reply.type(withCharset(mediaType)).send(await writeRdf(quads, mediaType, DESCRIPTION_PREFIXES));
}

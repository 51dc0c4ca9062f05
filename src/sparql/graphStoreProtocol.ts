import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  BadRequestError,
  NotFoundError,
  UnsupportedMediaTypeError,
  requireWriteAccess,
  contentTypeOf,
  MAX_GRAPH_UPLOAD_BYTES,
  negotiateReply,
  withCharset,
} from '../http';
import type { GraphStore, RdfMediaType } from '../graph';
import { checkedIri, OFFERS } from '../vocab';
import { decodeUtf8, urlParams } from './formParams';
import { registerBodyParsers, type RequestBody } from './requestBody';
import type { SparqlPluginOptions } from './SparqlPluginOptions';

export const GRAPH_STORE_PATH = '/store';

/** The graph a request names: an IRI (`?graph=`), the stored default graph (`?default`), or
 *  the whole dataset (neither; GET only). */
type Target = { kind: 'graph'; iri: string } | { kind: 'default' } | { kind: 'dataset' };

function targetOf(request: FastifyRequest): Target {
  const params = urlParams(request.url);
  const graphs = params.graph ?? [];
  const isDefault = params.default !== undefined;
  if (graphs.length > 1 || (graphs.length && isDefault)) throw new BadRequestError('Name one graph: either ?graph=<iri> or ?default');
  if (isDefault) return { kind: 'default' };
  if (!graphs.length) return { kind: 'dataset' };
  return { kind: 'graph', iri: checkedIri(graphs[0], (iri) => new BadRequestError(`graph must be an absolute IRI; got ${JSON.stringify(iri)}`)) };
}

function graphOf(target: Target): string | null {
  if (target.kind === 'dataset') throw new BadRequestError('Name the graph to write: ?graph=<iri> or ?default');
  return target.kind === 'graph' ? target.iri : null;
}

/** The RDF sent with PUT or POST: one of the triple formats, in UTF-8. */
function upload(request: FastifyRequest): { data: string; format: RdfMediaType } {
  const body = request.body as RequestBody | undefined;
  const mediaType = body?.kind === 'other' ? body.mediaType : contentTypeOf(request.headers['content-type']);
  const format = mediaType && (OFFERS.graph.types as readonly string[]).includes(mediaType) ? (mediaType as RdfMediaType) : undefined;
  if (!format) throw new UnsupportedMediaTypeError(mediaType, OFFERS.graph.types);
  return { data: body?.kind === 'other' ? decodeUtf8(body.bytes, 'The RDF body') : '', format };
}

async function assertExists(store: GraphStore, target: Target): Promise<void> {
  if (target.kind === 'graph' && !(await store.hasGraph(target.iri))) throw new NotFoundError(`There is no graph <${target.iri}>`);
}

/** SPARQL 1.1 Graph Store HTTP Protocol, indirect graph identification, at /store. */
export const graphStoreProtocol: FastifyPluginAsync<SparqlPluginOptions> = async (app, { store, writeToken }) => {
  registerBodyParsers(app, MAX_GRAPH_UPLOAD_BYTES);
  // Writes check the token before fastify reads the body (see requireWriteAccess).
  const write = { onRequest: requireWriteAccess(writeToken) };

  app.get(
    GRAPH_STORE_PATH,
    { schema: { summary: 'Graph Store Protocol: a graph (?graph=IRI) or the default graph (?default)', tags: ['sparql'] } },
    async (request, reply) => {
      const target = targetOf(request);
      if (target.kind === 'dataset') {
        const format = negotiateReply(request, reply, OFFERS.dataset);
        return reply.type(withCharset(format)).send(await store.dump(format));
      }
      const format = negotiateReply(request, reply, OFFERS.graph);
      await assertExists(store, target);
      return reply.type(withCharset(format)).send(await store.dump(format, graphOf(target)));
    },
  );

  app.put(
    GRAPH_STORE_PATH,
    { ...write, schema: { summary: 'Graph Store Protocol: replace a graph (Authorization: Bearer)', tags: ['sparql'] } },
    async (request, reply) => {
      const graph = graphOf(targetOf(request));
      const { data, format } = upload(request);
      const { created } = await store.replace(data, format, graph);
      return created ? reply.code(201).send() : reply.code(204).send();
    },
  );

  app.post(
    GRAPH_STORE_PATH,
    { ...write, schema: { summary: 'Graph Store Protocol: add to a graph (Authorization: Bearer)', tags: ['sparql'] } },
    async (request, reply) => {
      const graph = graphOf(targetOf(request));
      const { data, format } = upload(request);
      const { created } = await store.load(data, format, graph ?? undefined);
      return created ? reply.code(201).send() : reply.code(204).send();
    },
  );

  app.delete(
    GRAPH_STORE_PATH,
    { ...write, schema: { summary: 'Graph Store Protocol: remove a graph (Authorization: Bearer)', tags: ['sparql'] } },
    async (request: FastifyRequest, reply: FastifyReply) => {
      const target = targetOf(request);
      const existed = await store.drop(graphOf(target));
      if (!existed) throw new NotFoundError(`There is no graph <${(target as { iri: string }).iri}>`);
      return reply.code(204).send();
    },
  );
};

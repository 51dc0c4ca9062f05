/** The graph API: `GET /api/graph?iri=…` draws the neighbourhood of a resource and
 *  `GET /api/graph?document=E/RES/2017/18` (or `/api/graph/document/E/RES/2017/18`) the whole
 *  graph of a document, in the format a front end reads: Cytoscape.js, vis-network, D3,
 *  graphology (laid out), GraphML, GEXF, Graphviz DOT, or the same nodes' and edges' triples
 *  as JSON-LD. */
import type {} from '@fastify/swagger';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { VALUES_BATCH_SIZE, scopedStore, type GraphStore } from '../graph';
import { BadRequestError, NotFoundError, queryScope, withCharset, type HttpCache } from '../http';
import { DEFAULT_ONTOLOGY_DIR, compactJsonLd, languagePreference, loadJsonLdContext, type JsonLdContext } from '../linkeddata';
import { DEFAULT_BASE, FORMATS, NS, createIriScheme } from '../vocab';
import { documentGraph } from './documentGraph';
import { VizRequestError } from './errors';
import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES, type ExportFormatName, type VisJson } from './formats';
import { DEFAULT_NODE_LIMIT } from './limits';
import type { VizGraph } from './model';
import { neighbourhood, type Direction } from './neighbourhood';
import { batches, iriRef, valuesClause } from './sparqlTerms';

export const GRAPH_API_PATH = '/api/graph';

/** Every `format` the API answers in: the export formats, and JSON-LD. */
export type GraphFormatName = ExportFormatName | 'jsonld';
export const GRAPH_FORMAT_NAMES: readonly GraphFormatName[] = [...EXPORT_FORMAT_NAMES, 'jsonld'];
export const DEFAULT_GRAPH_FORMAT: GraphFormatName = 'cytoscape';
/** Other names a client may use for a format (a library's package name, a file extension):
 *  accepted, and answered as the canonical name's format. The canonical names are the ones
 *  listed in the OpenAPI description and the README. */
export const GRAPH_FORMAT_ALIASES: Readonly<Record<string, GraphFormatName>> = {
  'vis-network': 'vis',
  'cytoscape.js': 'cytoscape',
  cyjs: 'cytoscape',
  graphviz: 'dot',
  gv: 'dot',
  'json-ld': 'jsonld',
};

/** The canonical format name for a requested one (case-insensitive; aliases resolved). */
export function graphFormatName(requested: string | undefined): GraphFormatName {
  if (requested === undefined || requested === '') return DEFAULT_GRAPH_FORMAT;
  const name = requested.toLowerCase();
  if ((GRAPH_FORMAT_NAMES as readonly string[]).includes(name)) return name as GraphFormatName;
  const alias = GRAPH_FORMAT_ALIASES[name];
  if (alias) return alias;
  throw new BadRequestError(
    `format must be one of ${GRAPH_FORMAT_NAMES.join(', ')} (also accepted: ${Object.entries(GRAPH_FORMAT_ALIASES)
      .map(([a, c]) => `${a} for ${c}`)
      .join(', ')}): ${JSON.stringify(requested)}`,
  );
}
/** The response header that says whether the node limit left nodes out (every format). */
export const TRUNCATED_HEADER = 'Graph-Truncated';

export interface GraphRoutesOptions {
  store: GraphStore;
  /** Base of the minted IRIs (default https://w3id.org/unkg/): documents are named under it. */
  base?: string;
  /** Folder of context.jsonld, for the JSON-LD format (default: the project's ontology/). */
  ontologyDir?: string;
  /** ETag, Cache-Control and 304 for the exports (none when absent). */
  httpCache?: HttpCache;
}

const text = (description: string) => ({ type: 'string', description });

/** The OpenAPI description of the route (values are checked by the handler, which says what
 *  was wrong). */
const GRAPH_SCHEMA: FastifySchema = {
  summary: 'The neighbourhood of a resource, or the whole graph of a document, for visualisation front ends',
  tags: ['graph'],
  querystring: {
    type: 'object',
    properties: {
      iri: text('Draw the neighbourhood of this resource (an absolute IRI)'),
      document: text('Draw the whole graph of this document: its UN symbol (E/RES/2017/18) or its IRI'),
      depth: text('Hops from the resource: 1 (default) or 2'),
      direction: text('Follow links from the resource (out), to it (in) or both (default)'),
      predicates: text('Follow only these predicates: comma-separated IRIs or prefixed names (eli:cites,schema:mentions)'),
      limit: text(`Largest number of nodes (default ${DEFAULT_NODE_LIMIT}); the response says when nodes were left out`),
      lang: text('Preferred label languages, best first (en,fr); default from Accept-Language'),
      literals: text('Literal values as node attributes (default) or as nodes'),
      evidence: text('true to reach the extraction evidence resources too (default false)'),
      format: {
        type: 'string',
        description: `One of ${GRAPH_FORMAT_NAMES.join(', ')} (default ${DEFAULT_GRAPH_FORMAT}); also accepted: ${Object.entries(GRAPH_FORMAT_ALIASES)
          .map(([a, c]) => `${a} (= ${c})`)
          .join(', ')}`,
      },
    },
  },
};

/** Parameters that shape a neighbourhood and mean nothing for the graph of a document. */
const NEIGHBOURHOOD_PARAMETERS = ['depth', 'direction', 'predicates', 'evidence'] as const;

type Query = Record<string, string | string[] | undefined>;
const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[value.length - 1] : value);

/** Predicates as IRIs or prefixed names of the project's namespaces (`eli:cites`),
 *  comma-separated or repeated. */
function parsePredicates(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const names = (Array.isArray(value) ? value : [value])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  if (names.length === 0) return undefined;
  return names.map((name) => {
    const match = /^([A-Za-z][\w-]*):([^/].*)?$/.exec(name);
    const ns = match ? (NS as Record<string, string>)[match[1]] : undefined;
    return ns !== undefined ? ns + (match![2] ?? '') : name;
  });
}

function parseChoice<T extends string>(name: string, value: string | undefined, choices: readonly T[], fallback: T): T {
  if (value === undefined || value === '') return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new BadRequestError(`${name} must be one of ${choices.join(', ')}: ${JSON.stringify(value)}`);
  return value as T;
}

function parseLimit(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_NODE_LIMIT;
  if (!/^\d+$/.test(value)) throw new BadRequestError(`limit must be a whole number: ${JSON.stringify(value)}`);
  return Number(value);
}

/** A file name for the export: the document symbol or the resource's path, made safe. */
function fileStem(iri: string, base: string, isDocument: boolean): string {
  const name = iri.startsWith(`${base}eli/un/`)
    ? iri.slice(`${base}eli/un/`.length)
    : iri.startsWith(base)
      ? iri.slice(base.length)
      : iri.replace(/^[a-z]+:\/\//i, '');
  const stem = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'graph';
  return isDocument ? stem : `${stem}-neighbourhood`;
}

/** The triples of the graph's resources: their types and literal values, and the triples
 *  between them that the graph draws as edges. */
async function graphTriples(store: GraphStore, graph: VizGraph, predicates: readonly string[] | undefined): Promise<string> {
  const resources = graph.nodes.filter((n) => n.type !== 'literal').map((n) => n.id);
  const rdfType = iriRef(`${NS.rdf}type`);
  const queries: string[] = [];
  for (const batch of batches(resources, VALUES_BATCH_SIZE)) {
    queries.push(`CONSTRUCT { ?s ?p ?o } WHERE { ${valuesClause('s', batch)} ?s ?p ?o FILTER(isLiteral(?o) || ?p = ${rdfType}) }`);
    for (const targets of batches(resources, VALUES_BATCH_SIZE)) {
      queries.push(
        `CONSTRUCT { ?s ?p ?o } WHERE { ${valuesClause('s', batch)} ${valuesClause('o', targets)} ${predicates ? valuesClause('p', predicates) : ''} ?s ?p ?o FILTER(?p != ${rdfType}) }`,
      );
    }
  }
  const parts = await Promise.all(queries.map((q) => store.query(q, { graphFormat: 'application/n-triples' })));
  return [...new Set(parts.flatMap((p) => p.body.split('\n')).filter((line) => line.trim() !== ''))].sort().join('\n');
}

/** vis-network nodes carry the degree too, like the other JSON formats. */
function withDegrees(json: VisJson, graph: VizGraph): VisJson & { nodes: Array<VisJson['nodes'][number] & { degree: number }> } {
  const degree = new Map(graph.nodes.map((n) => [n.id, n.degree]));
  return { ...json, nodes: json.nodes.map((n) => ({ ...n, degree: degree.get(n.id) ?? 0 })) };
}

export const graphRoutes: FastifyPluginAsync<GraphRoutesOptions> = async (app, options) => {
  const base = options.base ?? DEFAULT_BASE;
  const iris = createIriScheme(base);
  const context: JsonLdContext = loadJsonLdContext(options.ontologyDir ?? DEFAULT_ONTOLOGY_DIR);
  async function answer(request: FastifyRequest, reply: FastifyReply, documentSymbol: string | undefined) {
    const store = scopedStore(options.store, queryScope(request, reply));
    const query = request.query as Query;
    const iri = single(query.iri);
    const document = documentSymbol ?? single(query.document);
    if ((iri === undefined) === (document === undefined))
      throw new BadRequestError('give either iri=<IRI> (a neighbourhood) or document=<symbol> (the graph of a document)');
    const format = graphFormatName(single(query.format));
    const view = {
      limit: parseLimit(single(query.limit)),
      lang: languagePreference(query.lang, request.headers['accept-language']),
      literals: parseChoice('literals', single(query.literals), ['attributes', 'nodes'] as const, 'attributes'),
    };
    const root = document !== undefined ? (/^https?:\/\//.test(document) ? document : iris.document(document)) : iri!;
    const predicates = parsePredicates(query.predicates);
    const neighbourhoodOnly = NEIGHBOURHOOD_PARAMETERS.filter((name) => query[name] !== undefined);
    if (document !== undefined && neighbourhoodOnly.length)
      throw new BadRequestError(`the graph of a document takes no neighbourhood parameter (${neighbourhoodOnly.join(', ')})`);
    if (options.httpCache?.notModified(request, reply, view.lang.join(','))) return reply.send();

    let graph: VizGraph;
    try {
      const known = await store.ask(
        document !== undefined ? `ASK { ${iriRef(root)} ?p ?o }` : `ASK { { ${iriRef(root)} ?p ?o } UNION { ?s ?p ${iriRef(root)} } }`,
      );
      if (!known) throw new NotFoundError(`no triples about ${root}`);
      graph =
        document !== undefined
          ? await documentGraph(store, root, view)
          : await neighbourhood(store, root, {
              ...view,
              depth: Number(parseChoice('depth', single(query.depth), ['1', '2'] as const, '1')) as 1 | 2,
              direction: parseChoice<Direction>('direction', single(query.direction), ['out', 'in', 'both'], 'both'),
              evidence: parseChoice('evidence', single(query.evidence), ['true', 'false'] as const, 'false') === 'true',
              ...(predicates ? { predicates } : {}),
            });
    } catch (error) {
      if (error instanceof VizRequestError) throw new BadRequestError(error.message);
      throw error;
    }

    const stem = fileStem(root, base, document !== undefined);
    reply.header(TRUNCATED_HEADER, String(graph.truncated));
    if (format === 'jsonld') {
      const body = await compactJsonLd(await graphTriples(store, graph, predicates), context);
      return reply
        .type('application/ld+json')
        .header('Content-Disposition', `inline; filename="${stem}.${FORMATS['application/ld+json'].extension}"`)
        .send(JSON.stringify(body));
    }
    const exportFormat = EXPORT_FORMATS[format];
    if (exportFormat.kind === 'json') {
      const json = format === 'vis' ? withDegrees(EXPORT_FORMATS.vis.serialize(graph), graph) : (exportFormat.serialize(graph) as object);
      return reply
        .type(exportFormat.mediaType)
        .header('Content-Disposition', `inline; filename="${stem}.${exportFormat.fileExtension}"`)
        .send(JSON.stringify({ ...json, truncated: graph.truncated, ...(graph.root !== undefined ? { root: graph.root } : {}) }));
    }
    return reply
      .type(withCharset(exportFormat.mediaType))
      .header('Content-Disposition', `attachment; filename="${stem}.${exportFormat.fileExtension}"`)
      .send(exportFormat.serialize(graph));
  }

  app.get(GRAPH_API_PATH, { schema: GRAPH_SCHEMA }, (request, reply) => answer(request, reply, undefined));
  app.get(`${GRAPH_API_PATH}/document/*`, { schema: { hide: true } }, (request, reply) => {
    const symbol = (request.params as { '*': string })['*'];
    if (!symbol) throw new BadRequestError('name a document: /api/graph/document/<symbol>');
    return answer(request, reply, symbol);
  });
};

/** Dereferenceable IRIs: every IRI the service mints answers at its path, whatever host serves
 *  it, as an HTML page for people or as RDF (Turtle, JSON-LD, N-Triples, RDF/XML) for
 *  programs. The ontology answers at /ontology, the clause-verb scheme at /clause. */
import type {} from '@fastify/swagger';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { GraphStore } from '../graph';
import { BadRequestError, withCharset, type HttpCache } from '../http';
import { DEFAULT_BASE, ONTOLOGY_IRI } from '../vocab';
import { DEFAULT_ONTOLOGY_DIR, loadJsonLdContext, type JsonLdContext } from './compactJsonLd';
import { describeResource } from './describeResource';
import { languagePreference } from './languagePreference';
import { MAX_BACKLINK_PAGE } from './limits';
import { loadOntologyDocument, renderOntologyPage, type OntologyDocument } from './ontologyDocument';
import { renderNotFoundPage, renderResourcePage } from './renderResourcePage';
import { alternateLinks, chooseRepresentation, type Representation } from './representations';
import { CLAUSE_PATH, MINTED_PATH_PREFIXES, ONTOLOGY_PATH, iriForPath } from './resourcePaths';
import { resourceView } from './resourceView';
import { serializeRdf } from './serializeRdf';

export interface LinkedDataOptions {
  store: GraphStore;
  /** Base of the minted IRIs (default https://w3id.org/unkg/). */
  base?: string;
  /** Folder of unkg.ttl and context.jsonld (default: the project's ontology/). */
  ontologyDir?: string;
  /** The explorer page each resource page links to (default /explore). */
  explorerPath?: string;
  /** ETag, Cache-Control and 304 for the pages and documents (none when absent). */
  httpCache?: HttpCache;
}

/** Every path the plugin answers: one wildcard route per kind of minted IRI. */
export const LINKED_DATA_ROUTES: readonly string[] = [
  ...MINTED_PATH_PREFIXES.map((prefix) => `/${prefix}*`),
  CLAUSE_PATH,
  `${CLAUSE_PATH}/*`,
  ONTOLOGY_PATH,
];

type Query = Record<string, string | string[] | undefined>;
const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

function pageOf(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  const page = Number(value);
  if (!Number.isInteger(page) || page < 1 || page > MAX_BACKLINK_PAGE) throw new BadRequestError(`page must be an integer from 1 to ${MAX_BACKLINK_PAGE}: ${JSON.stringify(value)}`);
  return page;
}

/** A 404 body in the representation asked for: a page, or an RDF document that says nothing. */
function notFoundBody(representation: Representation, iri: string, html: () => string): string {
  switch (representation) {
    case 'text/html':
      return html();
    case 'application/ld+json':
      return '{ "@graph": [] }\n';
    case 'application/rdf+xml':
      return '<?xml version="1.0" encoding="UTF-8"?>\n<!-- Not found: this dataset has no description of the requested IRI. -->\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n';
    default:
      return `# Not found: this dataset has no description of <${iri}>.\n`;
  }
}

export const linkedDataPlugin: FastifyPluginAsync<LinkedDataOptions> = async (app, options) => {
  const base = options.base ?? DEFAULT_BASE;
  const explorerPath = options.explorerPath ?? '/explore';
  const ontologyDir = options.ontologyDir ?? DEFAULT_ONTOLOGY_DIR;
  const context: JsonLdContext = loadJsonLdContext(ontologyDir);
  const ontology: OntologyDocument = loadOntologyDocument(ontologyDir, context);

  async function sendOntology(reply: FastifyReply, representation: Representation, languages: string[]) {
    reply.type(withCharset(representation));
    if (representation === 'text/html') return renderOntologyPage(ontology, languages);
    if (representation === 'text/turtle') return ontology.turtle;
    return ontology.serialise(representation);
  }

  async function answer(request: FastifyRequest, reply: FastifyReply) {
    const query = request.query as Query;
    const path = request.url.split('?')[0];
    const representation = chooseRepresentation(single(query.format), request.headers.accept);
    const languages = languagePreference(query.lang, request.headers['accept-language']);
    const page = pageOf(single(query.page));
    reply.header('Vary', 'Accept, Accept-Language');
    // Pages link to their own host's paths; the IRIs themselves do not depend on it.
    if (options.httpCache?.notModified(request, reply, `${representation} ${languages.join(',')} ${request.host}`)) return reply.send();
    const iri = iriForPath(path, base);
    const pageContext = { path, explorerPath, lang: languages[0] };
    const links = [alternateLinks(path, representation, page > 1 ? `&page=${page}` : '')];

    if (iri === ONTOLOGY_IRI) {
      reply.header('Link', links.join(', '));
      return sendOntology(reply, representation, languages);
    }
    const description = iri === undefined ? undefined : await describeResource(options.store, iri, { page });
    if (iri === undefined || !description?.exists) {
      return reply
        .code(404)
        .type(withCharset(representation))
        .send(notFoundBody(representation, iri ?? path, () => renderNotFoundPage(iri ?? path, pageContext)));
    }
    const { backlinks } = description;
    if (page > 1) links.push(`<${path}?page=${page - 1}>; rel="prev"`);
    if (page * backlinks.pageSize < backlinks.total) links.push(`<${path}?page=${page + 1}>; rel="next"`);
    reply.header('Link', links.join(', ')).type(withCharset(representation));
    if (representation === 'text/html') return renderResourcePage(resourceView(description, languages, base), pageContext);
    return serializeRdf(description.quads, representation, context);
  }

  // Resource pages, not API operations: left out of the OpenAPI description.
  for (const url of LINKED_DATA_ROUTES) app.get(url, { schema: { hide: true } }, answer);
};

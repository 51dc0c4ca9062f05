/** Dereferenceable IRIs: every IRI the service mints answers at its path, whatever host serves
 *  it, as an HTML page for people or as RDF (Turtle, JSON-LD, N-Triples, RDF/XML) for
 *  programs. The ontology answers at /ontology, the clause-verb scheme at /clause. */
import type {} from '@fastify/swagger';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { scopedStore, type GraphStore } from '../graph';
import { BadRequestError, HttpError, NotFoundError, queryScope, varyOn, withCharset, type HttpCache } from '../http';
import { DEFAULT_BASE, NS, ONTOLOGY_IRI } from '../vocab';

/** Resources with a citation timeline: what cites and what is cited. */
const TIMELINE_TYPES: readonly string[] = [`${NS.unkg}Resolution`, `${NS.eli}LegalResource`, `${NS.unkg}Treaty`, `${NS.sdgo}Target`];
import { DEFAULT_ONTOLOGY_DIR, loadJsonLdContext, type JsonLdContext } from './compactJsonLd';
import { describeResource } from './describeResource';
import { languagePreference } from './languagePreference';
import { MAX_BACKLINK_PAGE } from './limits';
import { loadOntologyDocument, renderOntologyPage, type OntologyDocument } from './ontologyDocument';
import { interfaceLanguage, translator } from '../i18n';
import { aknRepresentation } from './aknRepresentation';
import { resourceLabels } from './labels';
import { paragraphSequence } from './paragraphSequence';
import { renderNotFoundPage, renderResourcePage, type PageContext } from './renderResourcePage';
import type { LinkTerm } from './resourceView';
import {
  AKN_MEDIA_TYPE,
  DOCUMENT_REPRESENTATIONS,
  REPRESENTATIONS,
  SHORT_FORMAT_NAMES,
  alternateLinks,
  chooseRepresentation,
  type Representation,
} from './representations';
import { CLAUSE_PATH, MINTED_PATH_PREFIXES, ONTOLOGY_PATH, hrefForIri, iriForPath } from './resourcePaths';
import { resourceView } from './resourceView';
import { sparqlIri } from './sparqlIri';
import { serializeRdf } from './serializeRdf';

export interface LinkedDataOptions {
  store: GraphStore;
  /** Base of the minted IRIs (default https://w3id.org/unkg/). */
  base?: string;
  /** Folder of unkg.ttl and context.jsonld (default: the project's ontology/). */
  ontologyDir?: string;
  /** The explorer page each resource page links to (default /explore). */
  explorerPath?: string;
  /** The reading view of a document (default /read/{symbol}) and the citation timeline (default /timeline). */
  readPath?: string;
  timelinePath?: string;
  /** ETag, Cache-Control and 304 for the pages and documents (none when absent). */
  httpCache?: HttpCache;
}

/** Every path the plugin answers: one wildcard route per kind of minted IRI. */
export const LINKED_DATA_ROUTES: readonly string[] = [...MINTED_PATH_PREFIXES.map((prefix) => `/${prefix}*`), CLAUSE_PATH, `${CLAUSE_PATH}/*`, ONTOLOGY_PATH];

type Query = Record<string, string | string[] | undefined>;
const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

function pageOf(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  const page = Number(value);
  if (!Number.isInteger(page) || page < 1 || page > MAX_BACKLINK_PAGE)
    throw new BadRequestError(`page must be an integer from 1 to ${MAX_BACKLINK_PAGE}: ${JSON.stringify(value)}`);
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
  const readPath = options.readPath ?? '/read';
  const timelinePath = options.timelinePath ?? '/timeline';
  const ontologyDir = options.ontologyDir ?? DEFAULT_ONTOLOGY_DIR;
  const context: JsonLdContext = loadJsonLdContext(ontologyDir);
  const ontology: OntologyDocument = loadOntologyDocument(ontologyDir, context);

  async function sendOntology(reply: FastifyReply, representation: Representation, languages: string[]) {
    reply.type(withCharset(representation));
    if (representation === 'text/html') return renderOntologyPage(ontology, languages);
    if (representation === 'text/turtle') return ontology.turtle;
    return ontology.serialise(representation);
  }

  /** Sends the Akoma Ntoso document of a resolution; false when `iri` is not one. */
  async function sendAkn(request: FastifyRequest, reply: FastifyReply, iri: string | undefined, path: string): Promise<boolean> {
    if (iri === undefined) return false;
    const query = request.query as Query;
    const akn = await aknRepresentation(options.store, iri, { lang: query.lang, acceptLanguage: request.headers['accept-language'], base });
    if (!akn) return false;
    const languages = akn.languages
      .filter((l) => l !== akn.language)
      .map((l) => `<${path}?format=${SHORT_FORMAT_NAMES[AKN_MEDIA_TYPE]}&lang=${l}>; rel="alternate"; type="${AKN_MEDIA_TYPE}"; hreflang="${l}"`);
    reply
      .header('Link', [alternateLinks(path, AKN_MEDIA_TYPE, '', DOCUMENT_REPRESENTATIONS), ...languages].join(', '))
      .header('Content-Language', akn.language)
      .type(withCharset(AKN_MEDIA_TYPE))
      .send(akn.xml);
    return true;
  }

  async function exists(iri: string): Promise<boolean> {
    const resource = sparqlIri(iri);
    return options.store.ask(`ASK { { ${resource} ?p ?o } UNION { ?s ?p ${resource} } }`);
  }

  async function answer(request: FastifyRequest, reply: FastifyReply) {
    const query = request.query as Query;
    const path = request.url.split('?')[0];
    const format = single(query.format);
    const languages = languagePreference(query.lang, request.headers['accept-language']);
    const page = pageOf(single(query.page));
    varyOn(reply, 'Accept', 'Accept-Language');
    const iri = iriForPath(path, base);

    // Resolutions whose text the store holds are also Akoma Ntoso documents; anything else
    // is negotiated again among the representations every resource has (406 when none fits,
    // 404 when there is no such resource at all).
    let chosen = chooseRepresentation(format, request.headers.accept, DOCUMENT_REPRESENTATIONS);
    // Pages link to their own host's paths; the IRIs themselves do not depend on it.
    if (options.httpCache?.notModified(request, reply, `${chosen} ${languages.join(',')} ${request.host}`)) return reply.send();
    if (chosen === AKN_MEDIA_TYPE) {
      if (await sendAkn(request, reply, iri, path)) return reply;
      try {
        chosen = chooseRepresentation(format, request.headers.accept, REPRESENTATIONS);
      } catch (error) {
        if (error instanceof HttpError && error.statusCode === 406 && (iri === undefined || !(await exists(iri))))
          throw new NotFoundError(`No resource at ${path}`);
        throw error;
      }
    }
    const representation: Representation = chosen;
    const i18n = translator(interfaceLanguage(languages), single(query.lang) !== undefined);
    const pageContext: PageContext = { path, explorerPath, lang: languages[0], i18n, self: request.url };
    const pageQuery = page > 1 ? `&page=${page}` : '';
    const links = [alternateLinks(path, representation, pageQuery)];

    if (iri === ONTOLOGY_IRI) {
      reply.header('Link', links.join(', '));
      return sendOntology(reply, representation, languages);
    }
    const description = iri === undefined ? undefined : await describeResource(scopedStore(options.store, queryScope(request, reply)), iri, { page });
    if (iri === undefined || !description?.exists) {
      return reply
        .code(404)
        .type(withCharset(representation))
        .send(notFoundBody(representation, iri ?? path, () => renderNotFoundPage(iri ?? path, pageContext)));
    }
    // A resolution with its text (the parser states its enacting formula) has its Akoma Ntoso document too.
    const offered = description.quads.some((q) => q.subject.value === iri && q.predicate.value === `${NS.unkg}enactingFormula`)
      ? DOCUMENT_REPRESENTATIONS
      : REPRESENTATIONS;
    if (offered === DOCUMENT_REPRESENTATIONS) links[0] = alternateLinks(path, representation, pageQuery, offered);
    const { backlinks } = description;
    if (page > 1) links.push(`<${path}?page=${page - 1}>; rel="prev"`);
    if (page * backlinks.pageSize < backlinks.total) links.push(`<${path}?page=${page + 1}>; rel="next"`);
    reply.header('Link', links.join(', ')).type(withCharset(representation));
    if (representation === 'text/html') {
      const view = resourceView(description, [...new Set([i18n.lang, ...languages])], base);
      const sequence = iri.startsWith(`${base}eli/un/`) ? await paragraphSequence(options.store, iri) : undefined;
      if (sequence) {
        const labels = await resourceLabels(
          options.store,
          [sequence.previous, sequence.next].filter((x): x is string => x !== undefined),
          languages,
          base,
        );
        const term = (node: string | undefined): LinkTerm | undefined =>
          node ? { iri: node, label: labels.get(node)?.label ?? node, ...(hrefForIri(node, base) ? { href: hrefForIri(node, base) } : {}) } : undefined;
        const anchor = iri.slice(sequence.document.length + 1).replace(/\//g, '-');
        const reading = `${readPath}/${sequence.symbol.split('/').map(encodeURIComponent).join('/')}`;
        pageContext.sequence = { previous: term(sequence.previous), next: term(sequence.next), reading: `${i18n.href(reading)}#${anchor}` };
      }
      if (view.types.some((t) => TIMELINE_TYPES.includes(t.iri))) pageContext.timeline = `${timelinePath}?iri=${encodeURIComponent(iri)}`;
      const symbol = description.quads.find((q) => q.subject.value === iri && q.predicate.value === `${NS.eli}id_local`)?.object.value;
      if (symbol && description.quads.some((q) => q.subject.value === iri && q.predicate.value === `${NS.eli}has_part`)) {
        pageContext.reading = `${readPath}/${symbol.split('/').map(encodeURIComponent).join('/')}`;
      }
      return renderResourcePage(view, { ...pageContext, representations: offered });
    }
    return serializeRdf(description.quads, representation, context);
  }

  // Resource pages, not API operations: left out of the OpenAPI description.
  for (const url of LINKED_DATA_ROUTES) app.get(url, { schema: { hide: true } }, answer);
};

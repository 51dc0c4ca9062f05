/** The web pages of the service: the explorer at /explore, the SPARQL
 *  query editor at /yasgui, their assets under /assets, and the explorer's JSON routes:
 *  /api/search (find resources) and /api/resource (one resource's details for the side panel). */
import type {} from '@fastify/swagger';
import type { FastifyPluginAsync } from 'fastify';
import type { GraphStore } from '../graph';
import { BadRequestError, NotFoundError } from '../http';
import { languagePage } from './pageReply';
import { interfaceLanguage, translator } from '../i18n';
import { describeResource, isAbsoluteIri, languagePreference, resourceView } from '../linkeddata';
import { MAX_SEARCH_LENGTH, SearchIndex } from '../search';
import { DEFAULT_BASE, createIriScheme } from '../vocab';
import { EXPLORER_PATH, RESOURCE_API_PATH, SEARCH_API_PATH, explorerConfig, renderExplorerPage, type ExplorerConfig } from './explorerPage';
import { listResolutions } from './listResolutions';
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT } from './limits';
import { searchResources } from './searchResources';
import { SPARQL_EDITOR_PATH, sparqlEditorPage } from './sparqlEditorPage';
import { registerAssets } from './staticAssets';

export interface ExplorerOptions {
  store: GraphStore;
  /** Base of the minted IRIs (default https://w3id.org/unkg/). */
  base?: string;
  /** Folder of the named queries shown in the query editor (default: the project's queries/). */
  queriesDir?: string;
  /** The SPARQL endpoint the editor queries (default /sparql). */
  sparqlEndpoint?: string;
  /** The search index (default: one of its own, built at start and kept current). */
  search?: SearchIndex;
}

/** Backlinks listed in the explorer's side panel (the resource page lists them all). */
export const PANEL_BACKLINKS = 20;

/** Pages and assets are not API operations: left out of the OpenAPI description. */
const HIDDEN = { schema: { hide: true } };
const text = (description: string) => ({ type: 'string', description });
const SEARCH_SCHEMA = {
  schema: {
    summary: 'Resources found by symbol, name, title, text or what they cite: tokenised, case- and accent-folded, ranked, prefix matches',
    tags: ['explorer'],
    querystring: {
      type: 'object',
      properties: {
        q: text('Words or symbols to look for (case and accents ignored), e.g. 64/293, etats membres'),
        limit: text(`Most hits (default ${DEFAULT_SEARCH_LIMIT}, at most ${MAX_SEARCH_LIMIT})`),
        lang: text('Preferred label languages, best first (en,fr)'),
      },
    },
  },
};
const RESOURCE_SCHEMA = {
  schema: {
    summary: "One resource's label, text, clause verbs, properties, link evidence and first backlinks",
    tags: ['explorer'],
    querystring: {
      type: 'object',
      required: ['iri'],
      properties: { iri: text('The resource (an absolute IRI)'), lang: text('Preferred languages, best first (en,fr)') },
    },
  },
};

type Query = Record<string, string | string[] | undefined>;
const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

function requiredIri(value: string | undefined): string {
  if (value === undefined || value === '') throw new BadRequestError('iri is required');
  if (!isAbsoluteIri(value)) throw new BadRequestError(`not an absolute IRI: ${JSON.stringify(value)}`);
  return value;
}

export const explorerPlugin: FastifyPluginAsync<ExplorerOptions> = async (app, options) => {
  const { store } = options;
  const base = options.base ?? DEFAULT_BASE;
  const scheme = createIriScheme(base);
  registerAssets(app);
  let search = options.search;
  if (!search) {
    const own = new SearchIndex(store, base);
    app.addHook('onReady', () => own.start());
    app.addHook('onClose', async () => own.stop());
    search = own;
  }

  app.get(EXPLORER_PATH, HIDDEN, async (request, reply) => {
    const query = request.query as Query;
    const languages = languagePreference(query.lang, request.headers['accept-language']);
    const resolutions = await listResolutions(store, languages);
    const document = single(query.document);
    const iri = single(query.iri);
    let initial: ExplorerConfig['initial'] = resolutions[0] ? { document: resolutions[0].iri } : null;
    if (document) initial = { document: isAbsoluteIri(document) ? document : scheme.document(document) };
    else if (iri) initial = { iri: requiredIri(iri) };
    const i18n = translator(interfaceLanguage(languages), query.lang !== undefined);
    const config = explorerConfig(resolutions, initial, [...new Set([i18n.lang, ...languages])], i18n);
    return languagePage(reply).send(renderExplorerPage(config, i18n, request.url));
  });

  app.get(SPARQL_EDITOR_PATH, HIDDEN, sparqlEditorPage({ queriesDir: options.queriesDir, endpoint: options.sparqlEndpoint }));

  app.get(SEARCH_API_PATH, SEARCH_SCHEMA, async (request) => {
    const query = request.query as Query;
    const text = single(query.q) ?? '';
    if (text.length > MAX_SEARCH_LENGTH) throw new BadRequestError(`q is limited to ${MAX_SEARCH_LENGTH} characters`);
    const limitText = single(query.limit);
    const limit = limitText === undefined ? DEFAULT_SEARCH_LIMIT : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT)
      throw new BadRequestError(`limit must be an integer from 1 to ${MAX_SEARCH_LIMIT}: ${JSON.stringify(limitText)}`);
    const languages = languagePreference(query.lang, request.headers['accept-language']);
    return { query: text, hits: await searchResources(search, text, { limit, languages, base }) };
  });

  app.get(RESOURCE_API_PATH, RESOURCE_SCHEMA, async (request) => {
    const query = request.query as Query;
    const iri = requiredIri(single(query.iri));
    const languages = languagePreference(query.lang, request.headers['accept-language']);
    const description = await describeResource(store, iri, { pageSize: PANEL_BACKLINKS });
    if (!description.exists) throw new NotFoundError(`no triples about ${iri}`);
    return resourceView(description, languages, base);
  });
};

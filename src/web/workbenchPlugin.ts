/** The analyst's workbench: the landing page at /, the search page, the reading view of each
 *  resolution (/read/{symbol}), the citation network (/network, its data at /api/network) and
 *  the citation timeline (/timeline?iri=). Every page speaks English and French: `?lang=`
 *  chooses, else Accept-Language; the choice is kept in the pages' links. */
import type {} from '@fastify/swagger';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { GraphStore } from '../graph';
import { BadRequestError, varyOn } from '../http';
import { languagePage } from './pageReply';
import { interfaceLanguage, translator, type Translator } from '../i18n';
import { isAbsoluteIri, languagePreference } from '../linkeddata';
import { MAX_SEARCH_LENGTH, type SearchIndex } from '../search';
import { DEFAULT_BASE, createIriScheme, isIriRefText } from '../vocab';
import { cachedSummary } from './datasetSummary';
import { SEARCH_PAGE_LIMIT } from './limits';
import { renderLandingPage } from './landingPage';
import { listResolutions } from './listResolutions';
import { citationNetwork, type CitationNetwork } from './network/citationNetwork';
import { NETWORK_API_PATH, renderNetworkPage } from './network/renderNetworkPage';
import { citationTimeline } from './network/timeline';
import { readResolution } from './reading/readResolution';
import { NETWORK_PATH, READ_PATH, TIMELINE_PATH, partAnchor, readPath, renderReadingView } from './reading/renderReadingView';
import { SEARCH_PAGE_PATH, renderSearchPage } from './searchPage';
import { searchResources, type SearchHit } from './searchResources';
import { renderTimelinePage } from './timelinePage';
import { renderMessagePage } from './messagePage';

export interface WorkbenchOptions {
  store: GraphStore;
  search: SearchIndex;
  base?: string;
}

const HIDDEN = { schema: { hide: true } };
const NETWORK_SCHEMA = {
  schema: {
    summary: 'The citation network: resolutions and what their paragraphs cite, edges weighted by citing paragraphs, laid out (x, y)',
    tags: ['graph'],
    querystring: { type: 'object', properties: { lang: { type: 'string', description: 'Preferred label languages, best first (en,fr)' } } },
  },
};

type Query = Record<string, string | string[] | undefined>;
const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

export const workbenchPlugin: FastifyPluginAsync<WorkbenchOptions> = async (app, options) => {
  const { store, search } = options;
  const base = options.base ?? DEFAULT_BASE;
  const scheme = createIriScheme(base);
  const summary = cachedSummary(store);

  /** The reader's languages and the interface's messages for a request. */
  function reader(request: FastifyRequest): { languages: string[]; i18n: Translator; self: string } {
    const query = request.query as Query;
    const languages = languagePreference(query.lang, request.headers['accept-language']);
    const i18n = translator(interfaceLanguage(languages), query.lang !== undefined);
    // The interface language leads the data languages: labels follow the switch.
    return { languages: [...new Set([i18n.lang, ...languages])], i18n, self: request.url };
  }

  const networks = new Map<string, { version: number; network: Promise<CitationNetwork> }>();
  function network(languages: string[]): Promise<CitationNetwork> {
    const key = languages.join(',');
    const kept = networks.get(key);
    if (kept && kept.version === store.version()) return kept.network;
    const fresh = citationNetwork(store, languages, base);
    networks.set(key, { version: store.version(), network: fresh });
    fresh.catch(() => networks.delete(key));
    return fresh;
  }

  app.get('/', HIDDEN, async (request, reply) => {
    const { languages, i18n, self } = reader(request);
    const [counts, resolutions] = await Promise.all([summary(), listResolutions(store, languages)]);
    return languagePage(reply).send(renderLandingPage(counts, resolutions, i18n, self));
  });

  app.get(SEARCH_PAGE_PATH, HIDDEN, async (request, reply) => {
    const { languages, i18n, self } = reader(request);
    const text = single((request.query as Query).q) ?? '';
    let hits: SearchHit[] | { error: string };
    if (text.length > MAX_SEARCH_LENGTH) {
      reply.code(400);
      hits = { error: i18n.t('search.tooLong', { max: MAX_SEARCH_LENGTH }) };
    } else hits = await searchResources(search, text, { limit: SEARCH_PAGE_LIMIT, languages, base });
    const resolutionOf = (iri: string) => /^(.*?)\/(?:pp|op|fn)\//.exec(iri)?.[1];
    const linkOf = (hit: SearchHit) => {
      const doc = resolutionOf(hit.iri);
      if (doc && doc.startsWith(`${base}eli/un/`) && ['preambular', 'operative', 'subparagraph', 'footnote'].includes(hit.kind)) {
        const anchor = hit.kind === 'footnote' ? `fn-${hit.iri.slice(hit.iri.lastIndexOf('/') + 1)}` : partAnchor(hit.iri, doc);
        return `${i18n.href(readPath(doc.slice(`${base}eli/un/`.length)))}#${anchor}`;
      }
      if (hit.href?.startsWith('/')) return i18n.href(hit.href);
      return hit.href;
    };
    return languagePage(reply).send(renderSearchPage(text, hits, i18n, self, linkOf));
  });

  app.get(`${READ_PATH}/*`, HIDDEN, async (request, reply) => {
    const { languages, i18n, self } = reader(request);
    const symbol = decodeURIComponent(request.url.split('?')[0].slice(READ_PATH.length + 1));
    if (!symbol || !isIriRefText(symbol) || /\s/.test(symbol)) throw new BadRequestError(`not a document symbol: ${JSON.stringify(symbol)}`);
    const reading = await readResolution(store, scheme.document(symbol), languages, base);
    languagePage(reply);
    if (!reading) return reply.code(404).send(renderMessagePage(i18n.t('read.choose'), i18n.t('read.notFound', { symbol }), i18n, self));
    return reply.send(renderReadingView(reading, { i18n, base, self, languages }));
  });

  app.get(NETWORK_PATH, HIDDEN, async (request, reply) => {
    const { languages, i18n, self } = reader(request);
    const focus = single((request.query as Query).focus);
    if (focus !== undefined && !isAbsoluteIri(focus)) throw new BadRequestError(`focus must be an absolute IRI: ${JSON.stringify(focus)}`);
    const [resolutions, laidOut] = await Promise.all([listResolutions(store, languages), network(languages)]);
    const readPaths = Object.fromEntries(resolutions.map((r) => [r.iri, readPath(r.symbol)]));
    return languagePage(reply).send(renderNetworkPage(i18n, self, focus, readPaths, laidOut, languages));
  });

  app.get(NETWORK_API_PATH, NETWORK_SCHEMA, async (request, reply) => {
    const { languages } = reader(request);
    varyOn(reply, 'Accept-Language');
    return network(languages);
  });

  app.get(TIMELINE_PATH, HIDDEN, async (request, reply) => {
    const { languages, i18n, self } = reader(request);
    const iri = single((request.query as Query).iri);
    languagePage(reply);
    if (iri === undefined || iri === '') return renderTimelinePage(undefined, i18n, self);
    if (!isAbsoluteIri(iri)) throw new BadRequestError(`iri must be an absolute IRI: ${JSON.stringify(iri)}`);
    const timeline = await citationTimeline(store, iri, languages, base);
    if (!timeline) reply.code(404);
    return renderTimelinePage(timeline, i18n, self, timeline ? undefined : iri);
  });
};

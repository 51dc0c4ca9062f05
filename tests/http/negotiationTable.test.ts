/** What every route answers to each Accept header a client may send: the status, the media
 *  type, and the Vary header. A route whose answer depends on Accept says so in Vary. The
 *  app is the one buildApp assembles, over the seed, on a real store. */
import { discoverSources } from '../../src/graph';
import { buildTestApp, testConfig, type TestApp } from '../helpers';
import { seedEnv } from '../seedData';

const SEED = '/eli/un/E/RES/2017/18';
const SEED_IRI = `https://w3id.org/unkg${SEED}`;
const q = encodeURIComponent;

const ACCEPTS = [
  '',
  '*/*',
  'text/html',
  'application/sparql-results+json',
  'application/sparql-results+xml',
  'text/xml',
  'application/json',
  'text/csv',
  'text/tab-separated-values',
  'text/turtle',
  'application/n-triples',
  'application/ld+json',
  'application/rdf+xml',
  'application/n-quads',
  'application/trig',
  'image/png',
] as const;

/** Short names for the media types of the table (a 406 always answers in JSON). */
const SHORT: Record<string, string> = {
  'application/sparql-results+json': 'srj',
  'application/sparql-results+xml': 'srx',
  'text/csv': 'csv',
  'text/tab-separated-values': 'tsv',
  'text/turtle': 'ttl',
  'application/n-triples': 'nt',
  'application/n-quads': 'nq',
  'application/trig': 'trig',
  'application/ld+json': 'jsonld',
  'application/rdf+xml': 'rdfxml',
  'application/json': 'json',
  'text/html': 'html',
  'text/plain': 'text',
  'text/css': 'css',
};

/** The same answer to every header. */
const every = (cell: string): string[] => ACCEPTS.map(() => cell);
/** The cells of a row, in the order of ACCEPTS. */
const row = (cells: string): string[] => cells.split(', ');
/** SELECT and ASK answers, from /sparql and the named queries alike. */
const RESULTS = row('200 srj, 200 srj, 406, 200 srj, 200 srx, 200 srx, 200 srj, 200 csv, 200 tsv, 406, 406, 406, 406, 406, 406, 406');
/** One graph: the Graph Store Protocol's and the VoID description. */
const ONE_GRAPH = row('200 ttl, 200 ttl, 406, 406, 406, 406, 406, 406, 406, 200 ttl, 200 nt, 200 jsonld, 200 rdfxml, 406, 406, 406');
/** A resource of the service: its page or its description in RDF. */
const RESOURCE = row('200 ttl, 200 ttl, 200 html, 406, 406, 200 rdfxml, 200 jsonld, 406, 406, 200 ttl, 200 nt, 200 jsonld, 200 rdfxml, 406, 406, 406');

/** One row per route: its Vary header, then one cell per header of ACCEPTS, in order. */
const EXPECTED: Record<string, { vary: string; cells: string[] }> = {
  'home page': { vary: 'Accept-Language', cells: every('200 html') },
  'OpenAPI description': { vary: '', cells: every('200 json') },
  'named query list': { vary: '', cells: every('200 json') },
  'named query': { vary: 'Accept', cells: RESULTS },
  'graph export of a neighbourhood': { vary: '', cells: every('200 json') },
  'graph export of a document': { vary: '', cells: every('200 json') },
  'search API': { vary: '', cells: every('200 json') },
  'resource API': { vary: '', cells: every('200 json') },
  'citation network API': { vary: 'Accept-Language', cells: every('200 json') },
  liveness: { vary: '', cells: every('200 json') },
  readiness: { vary: '', cells: every('200 json') },
  metrics: { vary: '', cells: every('200 text') },
  'SPARQL service description': {
    vary: 'Accept',
    cells: row(
      '200 ttl, 200 ttl, 200 html, 200 ttl, 200 ttl, 200 ttl, 200 ttl, 200 ttl, 200 ttl, 200 ttl, 200 nt, 200 jsonld, 200 rdfxml, 200 ttl, 200 ttl, 200 ttl',
    ),
  },
  'SPARQL SELECT': { vary: 'Accept', cells: RESULTS },
  'SPARQL ASK': { vary: 'Accept', cells: RESULTS },
  'SPARQL CONSTRUCT': {
    vary: 'Accept',
    cells: row('200 ttl, 200 ttl, 406, 406, 406, 200 rdfxml, 200 jsonld, 406, 406, 200 ttl, 200 nt, 200 jsonld, 200 rdfxml, 200 nq, 200 trig, 406'),
  },
  'SPARQL SELECT at /query': { vary: 'Accept', cells: RESULTS },
  'Graph Store dataset': { vary: 'Accept', cells: row('200 nq, 200 nq, 406, 406, 406, 406, 406, 406, 406, 406, 406, 200 jsonld, 406, 200 nq, 200 trig, 406') },
  'Graph Store default graph': { vary: 'Accept', cells: ONE_GRAPH },
  'Graph Store named graph': { vary: 'Accept', cells: ONE_GRAPH },
  'VoID description': { vary: 'Accept', cells: ONE_GRAPH },
  'search page': { vary: 'Accept-Language', cells: every('200 html') },
  'GraphQL query by GET': { vary: 'Accept', cells: row('200 json, 200 json, 200 html, 406, 406, 406, 200 json, 406, 406, 406, 406, 406, 406, 406, 406, 406') },
  'persisted GraphQL operations': { vary: '', cells: every('200 json') },
  explorer: { vary: 'Accept-Language', cells: every('200 html') },
  timeline: { vary: 'Accept-Language', cells: every('200 html') },
  ontology: { vary: 'Accept, Accept-Language', cells: RESOURCE },
  'clause scheme': { vary: 'Accept, Accept-Language', cells: RESOURCE },
  resolution: { vary: 'Accept, Accept-Language', cells: RESOURCE },
  paragraph: { vary: 'Accept, Accept-Language', cells: RESOURCE },
  'unknown resolution': { vary: 'Accept, Accept-Language', cells: RESOURCE.map((cell) => cell.replace('200', '404')) },
  'SPARQL editor': { vary: 'Accept', cells: every('200 html') },
  'citation network page': { vary: 'Accept-Language', cells: every('200 html') },
  'static asset': { vary: '', cells: every('200 css') },
};

const URLS: Record<string, string> = {
  'home page': '/',
  'OpenAPI description': '/api/openapi.json',
  'named query list': '/api/queries',
  'named query': '/api/queries/class-counts',
  'graph export of a neighbourhood': `/api/graph?iri=${q(SEED_IRI)}`,
  'graph export of a document': '/api/graph/document/E/RES/2017/18',
  'search API': '/api/search?q=climate',
  'resource API': `/api/resource?iri=${q(SEED_IRI)}`,
  'citation network API': `/api/network?iri=${q(SEED_IRI)}`,
  liveness: '/health/live',
  readiness: '/health/ready',
  metrics: '/metrics',
  'SPARQL service description': '/sparql',
  'SPARQL SELECT': `/sparql?query=${q('SELECT ?s WHERE { ?s ?p ?o } LIMIT 1')}`,
  'SPARQL ASK': `/sparql?query=${q('ASK { ?s ?p ?o }')}`,
  'SPARQL CONSTRUCT': `/sparql?query=${q('CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1')}`,
  'SPARQL SELECT at /query': `/query?query=${q('SELECT ?s WHERE { ?s ?p ?o } LIMIT 1')}`,
  'Graph Store dataset': '/store',
  'Graph Store default graph': '/store?default',
  'Graph Store named graph': `/store?graph=${q('https://w3id.org/unkg/ontology')}`,
  'VoID description': '/.well-known/void',
  'search page': '/search?q=climate',
  'GraphQL query by GET': `/graphql?query=${q('{ __typename }')}`,
  'persisted GraphQL operations': '/graphql/operations',
  explorer: '/explore',
  timeline: `/timeline?iri=${q(SEED_IRI)}`,
  ontology: '/ontology',
  'clause scheme': '/clause',
  resolution: SEED,
  paragraph: `${SEED}/op/2`,
  'unknown resolution': '/eli/un/E/RES/1900/1',
  'SPARQL editor': '/yasgui',
  'citation network page': `/network?iri=${q(SEED_IRI)}`,
  'static asset': '/assets/site.css',
};

describe('content negotiation on every route', () => {
  let service: TestApp;
  beforeAll(async () => {
    const env = seedEnv();
    const config = testConfig(env);
    service = await buildTestApp({ sources: discoverSources({ ...config.data, base: config.base }).sources, env });
  });
  afterAll(() => service.close());

  async function row(url: string): Promise<{ vary: string; cells: string[] }> {
    const varies = new Set<string>();
    const cells: string[] = [];
    for (const accept of ACCEPTS) {
      const response = await service.app.inject({ url, headers: accept ? { accept } : {} });
      const type = String(response.headers['content-type'] ?? '').split(';')[0];
      cells.push(response.statusCode === 406 && type === 'application/json' ? '406' : `${response.statusCode} ${SHORT[type] ?? type}`);
      varies.add(String(response.headers.vary ?? ''));
    }
    return { vary: [...varies].join(' / '), cells };
  }

  it.each(Object.keys(URLS))(
    '%s',
    async (name) => {
      const actual = await row(URLS[name]);
      expect(actual).toEqual(EXPECTED[name]);
      // Wherever Accept changes the answer, the answer says it varies on Accept.
      if (new Set(actual.cells).size > 1) expect(actual.vary.split(/,\s*/)).toContain('Accept');
    },
    60_000,
  );
});

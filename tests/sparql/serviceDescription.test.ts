import * as oxigraph from 'oxigraph';
import { buildTestApp, column, form, PUBLIC_URL, WRITE_TOKEN, type TestApp } from '../helpers';

const PREFIXES = 'PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> PREFIX void: <http://rdfs.org/ns/void#> ';

/** Parses a document in any RDF format and runs a SELECT over it. */
function selectIn(document: string, format: string, query: string): string {
  const store = new oxigraph.Store();
  store.load(document, { format, base_iri: PUBLIC_URL });
  return store.query(PREFIXES + query, { results_format: 'json' }) as string;
}

const values = (document: string, format: string, query: string, variable = 'x') => column(selectIn(document, format, query), variable).sort();

describe('the service description', () => {
  let t: TestApp;
  let turtle: string;
  beforeAll(async () => {
    t = await buildTestApp({ env: { UNKG_PUBLIC_URL: PUBLIC_URL } });
    turtle = (await t.app.inject('/sparql')).body;
  });
  afterAll(() => t.close());

  const sparql = async (query: string) => (await t.app.inject(`/sparql?${form(['query', query])}`)).body;

  it('is served as Turtle at the endpoint when the request has no query', async () => {
    const response = await t.app.inject('/sparql');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/turtle; charset=utf-8');
    expect(response.headers.vary).toBe('Accept');
  });

  it('names the configured public URL as sd:endpoint, per endpoint path', async () => {
    expect(values(turtle, 'text/turtle', 'SELECT ?x { ?s a sd:Service ; sd:endpoint ?x }')).toEqual([`${PUBLIC_URL}sparql`]);
    const alias = (await t.app.inject('/query')).body;
    expect(values(alias, 'text/turtle', 'SELECT ?x { ?s sd:endpoint ?x }')).toEqual([`${PUBLIC_URL}query`]);
  });

  it('says the default graph is the merge of all graphs, and counts it as the Graph Store and SPARQL see it', async () => {
    expect(values(turtle, 'text/turtle', 'SELECT ?x { ?s a sd:Service ; sd:feature ?x }')).toContain(
      'http://www.w3.org/ns/sparql-service-description#UnionDefaultGraph',
    );
    const described = values(turtle, 'text/turtle', 'SELECT ?x { ?s sd:defaultDataset/sd:defaultGraph/void:triples ?x }');
    const stored = (await t.app.inject({ url: '/store?default', headers: { accept: 'application/n-triples' } })).body.split('\n').filter(Boolean);
    const counted = column(await sparql('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'), 'n');
    const voidDocument = (await t.app.inject({ url: '/.well-known/void', headers: { accept: 'text/turtle' } })).body;
    const voidTriples = values(
      voidDocument,
      'text/turtle',
      'SELECT ?x { ?d a void:Dataset ; void:triples ?x FILTER NOT EXISTS { ?other void:propertyPartition ?d } FILTER NOT EXISTS { ?l a void:Linkset FILTER(?l = ?d) } }',
    );
    expect(new Set(stored).size).toBe(stored.length);
    expect(described).toEqual([String(stored.length)]);
    expect(counted).toEqual([String(stored.length)]);
    expect(voidTriples).toContain(String(stored.length));
  });

  it('declares SPARQL 1.1 Query only, since writes are disabled', () => {
    expect(values(turtle, 'text/turtle', 'SELECT ?x { ?s sd:supportedLanguage ?x }')).toEqual([
      'http://www.w3.org/ns/sparql-service-description#SPARQL11Query',
    ]);
  });

  it('lists every result format and the union default graph feature', () => {
    expect(values(turtle, 'text/turtle', 'SELECT ?x { ?s sd:resultFormat ?x }')).toEqual(
      [
        'JSON-LD',
        'N-Quads',
        'N-Triples',
        'RDF_XML',
        'SPARQL_Results_CSV',
        'SPARQL_Results_JSON',
        'SPARQL_Results_TSV',
        'SPARQL_Results_XML',
        'TriG',
        'Turtle',
      ].map((name) => `http://www.w3.org/ns/formats/${name}`),
    );
    expect(values(turtle, 'text/turtle', 'SELECT ?x { ?s sd:feature ?x }')).toEqual(['http://www.w3.org/ns/sparql-service-description#UnionDefaultGraph']);
  });

  it('counts the triples of the default graph as a COUNT query does', async () => {
    const counted = column(await sparql('SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }'), 'n');
    expect(values(turtle, 'text/turtle', 'SELECT ?x { ?s sd:defaultDataset/sd:defaultGraph/void:triples ?x }')).toEqual(counted);
  });

  it('lists each named graph with its triple count', async () => {
    const counted = await sparql('SELECT ?g ?n WHERE { { SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g } } ORDER BY ?g');
    const described = selectIn(
      turtle,
      'text/turtle',
      'SELECT ?g ?n { ?s sd:defaultDataset/sd:namedGraph [ sd:name ?g ; sd:graph/void:triples ?n ] } ORDER BY ?g',
    );
    expect(column(described, 'g')).toEqual(column(counted, 'g'));
    expect(column(described, 'n')).toEqual(column(counted, 'n'));
  });

  it.each(['application/ld+json', 'application/n-triples', 'application/rdf+xml'])('is also served as %s', async (accept) => {
    const response = await t.app.inject({ url: '/sparql', headers: { accept } });
    expect(response.headers['content-type']).toMatch(new RegExp(`^${accept.replace('+', '\\+')}`));
    expect(values(response.body, accept, 'SELECT ?x { ?s sd:endpoint ?x }')).toEqual([`${PUBLIC_URL}sparql`]);
  });

  it('falls back to Turtle for an Accept header it cannot satisfy', async () => {
    const response = await t.app.inject({ url: '/sparql', headers: { accept: 'application/sparql-results+json' } });
    expect(response.headers['content-type']).toBe('text/turtle; charset=utf-8');
  });

  it('gives a browser the query editor instead, and an RDF client asking for */* the description', async () => {
    const browser = await t.app.inject({ url: '/sparql', headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect(browser.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(browser.body).toMatch(/yasgui/i);
    const client = await t.app.inject({ url: '/sparql', headers: { accept: '*/*' } });
    expect(client.headers['content-type']).toBe('text/turtle; charset=utf-8');
  });
});

describe('the service description of a writable endpoint without a public URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      env: { UNKG_WRITE_TOKEN: WRITE_TOKEN },
      htmlPage: (_request, reply) => reply.type('text/html; charset=utf-8').send('<!doctype html><title>Query editor</title>'),
    });
  });
  afterAll(() => t.close());

  it('declares SPARQL 1.1 Update', async () => {
    const turtle = (await t.app.inject('/sparql')).body;
    expect(values(turtle, 'text/turtle', 'SELECT ?x { ?s sd:supportedLanguage ?x }')).toEqual([
      'http://www.w3.org/ns/sparql-service-description#SPARQL11Query',
      'http://www.w3.org/ns/sparql-service-description#SPARQL11Update',
    ]);
  });

  it('derives sd:endpoint from the Host of the request', async () => {
    const turtle = (await t.app.inject({ url: '/sparql', headers: { host: 'kg.example.net:8443' } })).body;
    expect(values(turtle, 'text/turtle', 'SELECT ?x { ?s sd:endpoint ?x }')).toEqual(['http://kg.example.net:8443/sparql']);
  });

  it('hands a browser to the HTML page hook', async () => {
    const response = await t.app.inject({ url: '/sparql', headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toBe('<!doctype html><title>Query editor</title>');
  });

  it('keeps RDF for clients that prefer it', async () => {
    expect((await t.app.inject({ url: '/sparql', headers: { accept: 'text/turtle, text/html;q=0.5' } })).headers['content-type']).toBe(
      'text/turtle; charset=utf-8',
    );
    expect((await t.app.inject({ url: '/sparql', headers: { accept: '*/*' } })).headers['content-type']).toBe('text/turtle; charset=utf-8');
  });
});

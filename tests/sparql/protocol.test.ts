import { TEST_BACKEND } from '../storeUnderTest';
import { BOOKS, buildTestApp, column, EX, form, generatedTriples, PEOPLE, PUBLIC_URL, type TestApp } from '../helpers';

const JSON_RESULTS = 'application/sparql-results+json';
/** fastify declares the charset of JSON bodies. */
const JSON_RESULTS_UTF8 = 'application/sparql-results+json; charset=utf-8';
const NAMES = `SELECT ?n WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n } ORDER BY ?n`;
const q = (query: string, ...more: Array<[string, string]>) => `/sparql?${form(['query', query], ...more)}`;

/** A SELECT whose VALUES block makes it at least `bytes` long; it counts the values. */
function longQuery(bytes: number): { query: string; values: number } {
  const values: string[] = [];
  let length = 0;
  while (length < bytes) {
    const value = `<${EX}resource/${values.length.toString().padStart(12, '0')}>`;
    values.push(value);
    length += value.length + 1;
  }
  return { query: `SELECT (COUNT(*) AS ?n) WHERE { VALUES ?x { ${values.join(' ')} } }`, values: values.length };
}

describe('the SPARQL protocol endpoint', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { UNKG_PUBLIC_URL: PUBLIC_URL } });
  });
  afterAll(() => t.close());

  describe('query via GET', () => {
    it('answers SELECT as SPARQL JSON by default, varying on Accept, readable from any origin', async () => {
      const response = await t.app.inject(q(NAMES));
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(JSON_RESULTS_UTF8);
      expect(response.headers.vary).toBe('Accept');
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(column(response.body, 'n')).toEqual(['George Orwell', 'Victor Hugo']);
    });

    it('keeps variables and parameters named like the members of every JavaScript object', async () => {
      const query = 'SELECT ?__proto__ ?constructor WHERE { BIND(1 AS ?__proto__) BIND("c" AS ?constructor) }';
      const response = await t.app.inject({
        method: 'POST',
        url: '/sparql',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: form(['valueOf', 'x'], ['query', query], ['__proto__', 'y']),
      });
      expect(response.statusCode).toBe(200);
      const json = JSON.parse(response.body);
      expect(json.head.vars).toEqual(['__proto__', 'constructor']);
      expect(Object.hasOwn(json.results.bindings[0], '__proto__')).toBe(true);
      expect(json.results.bindings[0].__proto__.value).toBe('1');
      expect(json.results.bindings[0].constructor).toEqual({ type: 'literal', value: 'c' });
    });

    it('writes plain literals without a datatype, as Virtuoso and Fuseki do', async () => {
      const response = await t.app.inject(q(`SELECT ?n WHERE { <${EX}hugo> <http://xmlns.com/foaf/0.1/name> ?n }`));
      expect(response.json().results.bindings[0].n).toEqual({ type: 'literal', value: 'Victor Hugo' });
    });

    it('gives them the explicit xsd:string datatype for rdflib, whose SERVICE client drops them otherwise', async () => {
      const response = await t.app.inject({
        url: q(`SELECT ?n WHERE { <${EX}hugo> <http://xmlns.com/foaf/0.1/name> ?n }`),
        headers: { 'user-agent': 'rdflibForAnUser' },
      });
      expect(response.json().results.bindings[0].n).toEqual({ type: 'literal', value: 'Victor Hugo', datatype: 'http://www.w3.org/2001/XMLSchema#string' });
    });

    it.each([
      ['text/csv', 'text/csv; charset=utf-8', 'n\r\nGeorge Orwell\r\nVictor Hugo\r\n'],
      ['text/tab-separated-values', 'text/tab-separated-values; charset=utf-8', '?n\n"George Orwell"\n"Victor Hugo"\n'],
    ])('answers SELECT as %s', async (accept, contentType, body) => {
      const response = await t.app.inject({ url: q(NAMES), headers: { accept } });
      expect(response.headers['content-type']).toBe(contentType);
      expect(response.body).toBe(body);
    });

    it('answers SELECT as SPARQL XML for XML-only clients such as Virtuoso', async () => {
      const response = await t.app.inject({ url: q(NAMES), headers: { accept: 'application/sparql-results+xml, text/turtle, application/xml' } });
      expect(response.headers['content-type']).toBe('application/sparql-results+xml');
      expect(response.body).toContain('<binding name="n"><literal>George Orwell</literal></binding>');
    });

    it('answers ASK as a boolean', async () => {
      const response = await t.app.inject(q(`ASK { <${EX}book2> <${EX}pages> 328 }`));
      expect(response.json()).toEqual({ head: {}, boolean: true });
    });

    it.each([
      ['*/*', 'text/turtle; charset=utf-8', /<http:\/\/example.org\/hugo> <http:\/\/xmlns.com\/foaf\/0.1\/name> "Victor Hugo"/],
      ['application/n-triples', 'application/n-triples', /^<http:\/\/example.org\/hugo> <http:\/\/xmlns.com\/foaf\/0.1\/name> "Victor Hugo" \.\n$/],
      ['application/ld+json', 'application/ld+json; charset=utf-8', /"@value":"Victor Hugo"/],
      ['application/rdf+xml', 'application/rdf+xml', /<name xmlns="http:\/\/xmlns.com\/foaf\/0.1\/">Victor Hugo<\/name>/],
      ['application/n-quads', 'application/n-quads', /"Victor Hugo" \.\n$/],
      ['application/trig', 'application/trig', /"Victor Hugo"/],
    ])('answers CONSTRUCT for Accept %s', async (accept, contentType, pattern) => {
      const response = await t.app.inject({ url: q(`CONSTRUCT WHERE { <${EX}hugo> <http://xmlns.com/foaf/0.1/name> ?n }`), headers: { accept } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(contentType);
      expect(response.body).toMatch(pattern);
    });

    it('answers DESCRIBE as Turtle', async () => {
      const response = await t.app.inject(q(`DESCRIBE <${EX}orwell>`));
      expect(response.headers['content-type']).toBe('text/turtle; charset=utf-8');
      expect(response.body).toContain('"George Orwell"');
    });

    it('answers 406 naming the formats when none is acceptable', async () => {
      const response = await t.app.inject({ url: q(NAMES), headers: { accept: 'text/turtle' } });
      expect(response.statusCode).toBe(406);
      expect(response.headers.vary).toBe('Accept');
      expect(response.json().message).toContain('application/sparql-results+json, application/sparql-results+xml, text/csv, text/tab-separated-values');
    });

    it.each([
      ['format=csv', [['format', 'csv']], 'text/csv; charset=utf-8'],
      ['output=xml', [['output', 'xml']], 'application/sparql-results+xml'],
      ['format as a media type', [['format', 'text/tab-separated-values']], 'text/tab-separated-values; charset=utf-8'],
      ['an unknown format (ignored)', [['format', 'yaml']], JSON_RESULTS_UTF8],
    ] as Array<[string, Array<[string, string]>, string]>)('lets %s override Accept', async (_, params, contentType) => {
      const response = await t.app.inject({ url: q(NAMES, ...params), headers: { accept: JSON_RESULTS } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(contentType);
    });

    it('ignores parameters it does not define, as SPARQLWrapper and Virtuoso send them', async () => {
      const response = await t.app.inject(q(NAMES, ['maxrows', '10000000'], ['timeout', '5'], ['results', 'json'], ['output', 'json'], ['format', 'json']));
      expect(response.statusCode).toBe(200);
      expect(column(response.body, 'n')).toHaveLength(2);
    });

    it('refuses two query parameters', async () => {
      const response = await t.app.inject(q('ASK {}', ['query', 'SELECT * {}']));
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toBe('Give one query parameter per request; this one has 2');
    });

    it('explains a syntax error with the parser message and position', async () => {
      const response = await t.app.inject(q('SELECT * WHERE {\n  ?s ?p }'));
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toBe(
        "SPARQL syntax error at line 2, column 9: found '}', expected a variable, an IRI, a prefixed name, a string, a number, true or false, a blank node, '(' or something else",
      );
    });

    it('answers 400 to a Virtuoso dialect probe', async () => {
      const response = await t.app.inject(q('define input:storage "" select * where { ?s ?p ?o } limit 1'));
      expect(response.statusCode).toBe(400);
    });

    it('refuses an update sent with GET', async () => {
      const response = await t.app.inject(`/sparql?${form(['update', 'CLEAR ALL'])}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toBe('SPARQL Update must be sent with POST');
    });

    it('answers a 64 KiB query', async () => {
      const { query, values } = longQuery(64 * 1024);
      expect(query.length).toBeGreaterThanOrEqual(64 * 1024);
      const response = await t.app.inject(q(query));
      expect(response.statusCode).toBe(200);
      expect(column(response.body, 'n')).toEqual([String(values)]);
    });

    it('answers the /query alias the same way', async () => {
      const response = await t.app.inject(`/query?${form(['query', NAMES])}`);
      expect(column(response.body, 'n')).toEqual(['George Orwell', 'Victor Hugo']);
    });

    it('answers HEAD with the headers of GET', async () => {
      const response = await t.app.inject({ method: 'HEAD', url: q(NAMES) });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(JSON_RESULTS_UTF8);
      expect(response.body).toBe('');
    });
  });

  describe('dataset', () => {
    const GRAPHS = 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g';
    const TITLES = `SELECT ?t WHERE { ?s <http://purl.org/dc/terms/title> ?t } ORDER BY ?t`;

    // SPARQL leaves the order of a simple literal and a language-tagged one open: compared sorted.
    it('queries the merge of all graphs by default, each triple once', async () => {
      const titles = column((await t.app.inject(q(TITLES))).body, 't').sort();
      expect(titles).toEqual(['Catalogue', 'Les Miserables', 'Les Misérables', 'Nineteen Eighty-Four']);
    });

    it('takes default-graph-uri as the default graph', async () => {
      const response = await t.app.inject(q(TITLES, ['default-graph-uri', PEOPLE]));
      expect(column(response.body, 't')).toEqual(['Les Miserables']);
    });

    it('merges several default-graph-uri and leaves named graphs empty', async () => {
      const titles = await t.app.inject(q(TITLES, ['default-graph-uri', PEOPLE], ['default-graph-uri', BOOKS]));
      expect(column(titles.body, 't').sort()).toEqual(['Les Miserables', 'Les Miserables', 'Les Misérables', 'Nineteen Eighty-Four']);
      const graphs = await t.app.inject(q(GRAPHS, ['default-graph-uri', PEOPLE]));
      expect(column(graphs.body, 'g')).toEqual([]);
    });

    it('takes named-graph-uri as the named graphs, with an empty default graph', async () => {
      expect(column((await t.app.inject(q(GRAPHS, ['named-graph-uri', PEOPLE]))).body, 'g')).toEqual([PEOPLE]);
      expect(column((await t.app.inject(q(TITLES, ['named-graph-uri', PEOPLE]))).body, 't')).toEqual([]);
    });

    it('lets the protocol dataset override FROM and FROM NAMED in the query', async () => {
      const query = `SELECT DISTINCT ?g FROM NAMED <${BOOKS}> WHERE { GRAPH ?g { ?s ?p ?o } }`;
      expect(column((await t.app.inject(q(query))).body, 'g')).toEqual([BOOKS]);
      expect(column((await t.app.inject(q(query, ['named-graph-uri', PEOPLE]))).body, 'g')).toEqual([PEOPLE]);
      const from = `SELECT ?t FROM <${BOOKS}> WHERE { ?s <http://purl.org/dc/terms/title> ?t } ORDER BY ?t`;
      expect(column((await t.app.inject(q(from, ['default-graph-uri', PEOPLE]))).body, 't')).toEqual(['Les Miserables']);
    });

    it('refuses a graph parameter that is not an absolute IRI', async () => {
      const response = await t.app.inject(q(TITLES, ['default-graph-uri', 'not an iri']));
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toBe('default-graph-uri must be an absolute IRI; got "not an iri"');
    });
  });

  describe('query via POST with a form', () => {
    const post = (payload: string | Buffer, url = '/sparql', contentType = 'application/x-www-form-urlencoded') =>
      t.app.inject({ method: 'POST', url, headers: { 'content-type': contentType }, payload });

    it('answers a query in the body', async () => {
      const response = await post(form(['query', NAMES]));
      expect(column(response.body, 'n')).toEqual(['George Orwell', 'Victor Hugo']);
    });

    it('takes dataset parameters from the URL as well as the body', async () => {
      const response = await post(
        form(['query', 'SELECT ?n WHERE { ?s <http://xmlns.com/foaf/0.1/name> ?n }'], ['default-graph-uri', BOOKS]),
        `/sparql?${form(['default-graph-uri', PEOPLE])}`,
      );
      expect(column(response.body, 'n').sort()).toEqual(['George Orwell', 'Victor Hugo']);
    });

    it('refuses a query both in the URL and in the body', async () => {
      const response = await post(form(['query', 'ASK {}']), `/sparql?${form(['query', 'ASK {}'])}`);
      expect(response.statusCode).toBe(400);
    });

    it('refuses a form with neither query nor update', async () => {
      const response = await post(form(['default-graph-uri', BOOKS]));
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toBe('The request has neither a query nor an update parameter');
    });

    it('refuses a form that declares another charset', async () => {
      const response = await post(form(['query', 'ASK {}']), '/sparql', 'application/x-www-form-urlencoded; charset=ISO-8859-1');
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toBe('The body must be UTF-8; Content-Type declares charset=ISO-8859-1');
    });

    it('refuses percent-encoded bytes that are not UTF-8', async () => {
      const response = await post('query=ASK%20%7B%20%22caf%E9%22%20%7D');
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toBe('A percent-encoded value in the form body is not valid UTF-8');
    });
  });

  describe('query via POST directly', () => {
    const post = (payload: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/sparql-query' }, url = '/sparql') =>
      t.app.inject({ method: 'POST', url, headers, payload });

    it('answers the query in the body, UTF-8 included', async () => {
      const response = await post(`SELECT ?t WHERE { ?s <http://purl.org/dc/terms/title> ?t FILTER(LANG(?t) = "fr") }`);
      expect(column(response.body, 't')).toEqual(['Les Misérables']);
    });

    it('takes the dataset from the URL', async () => {
      const response = await post(
        'SELECT ?n WHERE { ?s <http://xmlns.com/foaf/0.1/name> ?n }',
        { 'content-type': 'application/sparql-query' },
        `/sparql?${form(['default-graph-uri', BOOKS])}`,
      );
      expect(column(response.body, 'n')).toEqual([]);
    });

    it('refuses a body declared in another charset', async () => {
      const response = await post(Buffer.from('ASK {}', 'utf16le'), { 'content-type': 'application/sparql-query; charset=UTF-16' });
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toBe('The body must be UTF-8; Content-Type declares charset=UTF-16');
    });

    it('refuses a body that is not UTF-8', async () => {
      const response = await post(Buffer.from([0x41, 0x53, 0x4b, 0x20, 0x7b, 0xe9, 0x7d]));
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toBe('The application/sparql-query body is not valid UTF-8');
    });

    it.each([
      ['text/plain', { 'content-type': 'text/plain' }, 'Content-Type "text/plain" is not accepted here'],
      ['no media type', {}, 'Content-Type'],
    ])('answers 415 to a body with %s', async (_, headers, message) => {
      const response = await post('ASK {}', headers as Record<string, string>);
      expect(response.statusCode).toBe(415);
      expect(response.json().message).toContain(message);
      expect(response.json().message).toContain('application/x-www-form-urlencoded, application/sparql-query, application/sparql-update');
    });

    it('answers 415 to a form body without its media type', async () => {
      const response = await post(form(['query', 'ASK {}']), {});
      expect(response.statusCode).toBe(415);
    });

    it('refuses a query parameter next to a query body', async () => {
      const response = await post('ASK {}', { 'content-type': 'application/sparql-query' }, `/sparql?${form(['query', 'ASK {}'])}`);
      expect(response.statusCode).toBe(400);
    });

    // Virtuoso 7.2 refuses a query text of several MiB (its SPARQL compiler's limits).
    (TEST_BACKEND === 'embedded' ? it : it.skip)('answers a 4 MiB query', async () => {
      const { query, values } = longQuery(4 * 1024 * 1024);
      const response = await post(query);
      expect(response.statusCode).toBe(200);
      expect(column(response.body, 'n')).toEqual([String(values)]);
    });
  });

  describe('other methods', () => {
    it.each(['PUT', 'DELETE', 'PATCH'] as const)('answers %s with 405 and the allowed methods', async (method) => {
      const response = await t.app.inject({ method, url: q('ASK {}') });
      expect(response.statusCode).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
    });

    it('answers a CORS preflight for reads', async () => {
      const response = await t.app.inject({
        method: 'OPTIONS',
        url: '/sparql',
        headers: { origin: 'https://yasgui.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(response.statusCode).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.headers['access-control-allow-methods']).toBe('GET, HEAD, POST');
      expect(String(response.headers['access-control-allow-headers']).split(', ')).toContain('Content-Type');
    });
  });
});

describe('a query past the time limit of the endpoint', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ sources: [{ data: generatedTriples(1500), format: 'application/n-triples' }], timeoutMs: 300 });
  });
  afterAll(() => t.close());

  it('is answered 503 with a clear message', async () => {
    const response = await t.app.inject(q('SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }'));
    expect(response.statusCode).toBe(503);
    expect(response.json().message).toBe('The query was stopped after 300 ms (the time limit of this service)');
  });
});

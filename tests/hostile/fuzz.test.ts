/** Property-based fuzzing of the HTTP interface (fast-check, through inject on the app as
 *  buildApp assembles it, over a real store): whatever a client sends — SPARQL text, GraphQL
 *  documents and bodies, Accept headers, request bodies of any type — the service answers
 *  within a bound, never with a 5xx, and with a status from the set the route can give.
 *  Bounded in CI (numRuns, interruptAfterTimeLimit); LOADTEST=1 runs many more. Every input
 *  that ever failed is kept below as a named regression case. */
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildTestApp, WRITE_TOKEN, type TestApp } from '../helpers';
import { LOADTEST } from './hostileService';

jest.setTimeout(LOADTEST ? 900_000 : 60_000);

const RUNS = { numRuns: LOADTEST ? 3000 : 120, interruptAfterTimeLimit: LOADTEST ? 120_000 : 6_000, markInterruptAsFailure: false };
/** Longest a request may take before it counts as a hang. */
const ANSWER_WITHIN_MS = 10_000;

let t: TestApp;
// Every generated request comes from one address: the per-address rate limit would answer 429
// to the long form's thousands (it is tested with distinct addresses in tests/hostile/store).
beforeAll(async () => (t = await buildTestApp({ env: { UNKG_WRITE_TOKEN: WRITE_TOKEN, UNKG_RATE_LIMIT: '0' } })));
afterAll(() => t.close());

async function answer(options: InjectOptions): Promise<LightMyRequestResponse> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ANSWER_WITHIN_MS} ms: ${JSON.stringify(options).slice(0, 500)}`)), ANSWER_WITHIN_MS);
  });
  try {
    return await Promise.race([t.app.inject(options), hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** Asserts the status is one of `expected` (never a 5xx). */
function expectStatus(response: LightMyRequestResponse, expected: readonly number[], input: unknown): void {
  if (!expected.includes(response.statusCode)) {
    throw new Error(`status ${response.statusCode} (expected one of ${expected.join(', ')}) for ${JSON.stringify(input)}: ${response.body.slice(0, 300)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Inputs that once failed, kept by name. Each runs as its own case and seeds its property.

const REGRESSIONS = {
  /** These JSON bodies once left POST /graphql without an answer. */
  graphqlBodies: { emptyObject: '{}', null: 'null', emptyArray: '[]', number: '1', true: 'true' } as Record<string, string>,
  sparqlQueries: {} as Record<string, string>,
  graphqlDocuments: {} as Record<string, string>,
  acceptHeaders: {} as Record<string, string>,
  /** Form bodies whose names are properties of every JavaScript object once answered 500. */
  formBodies: {
    valueOf: 'valueOf',
    proto: '__proto__=x&query=ASK%7B%7D',
    constructor: 'constructor=1&query=ASK%7B%7D',
    toString: 'query=ASK%7B%7D&toString',
  } as Record<string, string>,
};

/** One case per kept input (none yet for some kinds). */
function regressions<T>(table: Record<string, T>, check: (input: T) => Promise<void>): void {
  const entries = Object.entries(table);
  if (entries.length) test.each(entries)('regression %s', async (_, input) => check(input));
}

// ---------------------------------------------------------------------------------------------
// Generators

const SPARQL_TOKENS = [
  'SELECT',
  'ASK',
  'CONSTRUCT',
  'DESCRIBE',
  'WHERE',
  'FROM',
  'NAMED',
  'GRAPH',
  'OPTIONAL',
  'UNION',
  'MINUS',
  'FILTER',
  'BIND',
  'AS',
  'VALUES',
  'SERVICE',
  'SILENT',
  'LIMIT',
  'OFFSET',
  'ORDER',
  'BY',
  'GROUP',
  'HAVING',
  'DISTINCT',
  'REDUCED',
  'COUNT',
  'SUM',
  'REGEX',
  'STR',
  'LANG',
  'NOT',
  'EXISTS',
  'PREFIX',
  'BASE',
  'INSERT',
  'DELETE',
  'DATA',
  'LOAD',
  'CLEAR',
  'DROP',
  'ALL',
  '{',
  '}',
  '(',
  ')',
  '.',
  ';',
  ',',
  '*',
  '+',
  '?',
  '/',
  '|',
  '^',
  '!',
  '=',
  '<',
  '>',
  '&&',
  '||',
  'a',
  '?s',
  '?p',
  '?o',
  '?x',
  '$y',
  '<http://example.org/book/1>',
  '<>',
  'ex:',
  'ex:a',
  '_:b',
  '[]',
  '"x"',
  "'y'",
  '"""z"""',
  '"a"@en',
  '"1"^^<http://www.w3.org/2001/XMLSchema#integer>',
  '1',
  '-2.5',
  '1e400',
  'true',
  '#',
  '\n',
  '\\',
  '\u0000',
  '\uFFFF',
  '<<',
  '>>',
];
/** Text a client can send: lone surrogates have no UTF-8 form (a client cannot encode them). */
const wellFormed = (text: string) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
const sparqlText = fc.oneof(
  fc.array(fc.constantFrom(...SPARQL_TOKENS), { maxLength: 40 }).map((tokens) => tokens.join(' ')),
  fc.string({ maxLength: 200 }).map(wellFormed),
  fc.string({ unit: 'binary', maxLength: 100 }).map(wellFormed),
);

const GRAPHQL_TOKENS = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  '!',
  '=',
  '...',
  '@include(if: true)',
  '@skip(if: $v)',
  'query',
  'mutation',
  'subscription',
  'fragment',
  'on',
  'Q',
  '$v: Boolean',
  '$n: Int',
  '__schema',
  '__type(name: "Resolution")',
  '__typename',
  'types',
  'name',
  'fields',
  'ofType',
  'paragraphs',
  'paragraphs(first: 5)',
  'paragraphs(first: 1000)',
  'paragraphs(first: -1)',
  'nodes',
  'edges',
  'node',
  'id',
  'text',
  'number',
  'kind',
  'resolution(symbol: "E/RES/2017/18")',
  'resolution(symbol: "<script>")',
  'node(id: "x")',
  'sdgTarget(code: "5.2")',
  'search(text: "traite")',
  'document',
  'symbol',
  'citedBy',
  'totalCount',
  'a:',
  'b:',
  '"str"',
  '1',
  '1.5',
  'null',
  '#',
  '\n',
  '\u0000',
];
const graphqlDocument = fc.oneof(
  fc.array(fc.constantFrom(...GRAPHQL_TOKENS), { maxLength: 40 }).map((tokens) => tokens.join(' ')),
  fc.string({ maxLength: 200 }).map(wellFormed),
);

const graphqlBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  fc
    .record(
      {
        query: fc.oneof(graphqlDocument, fc.jsonValue({ maxDepth: 2 })),
        variables: fc.jsonValue({ maxDepth: 3 }),
        operationName: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })),
        extensions: fc.jsonValue({ maxDepth: 3 }),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 100 }).map(wellFormed),
);

const MEDIA_RANGES = [
  '*/*',
  'text/*',
  'application/*',
  'text/html',
  'text/turtle',
  'application/sparql-results+json',
  'application/sparql-results+xml',
  'text/csv',
  'text/tab-separated-values',
  'application/ld+json',
  'application/n-triples',
  'application/n-quads',
  'application/trig',
  'application/rdf+xml',
  'application/json',
  'application/xml',
  'image/png',
  'x/y',
  '',
  ';',
  ',',
  'text/turtle;q=0',
  'text/turtle;q=1.5',
  'text/csv;q=abc',
  '*/*;q=0.1',
];
const headerSafe = (text: string) => text.replace(/[^\x20-\x7e\t]/g, '');
const acceptHeader = fc.oneof(
  fc
    .array(fc.tuple(fc.constantFrom(...MEDIA_RANGES), fc.option(fc.double({ min: -1, max: 2, noNaN: true }), { nil: undefined })), { maxLength: 6 })
    .map((ranges) => ranges.map(([range, q]) => (q === undefined ? range : `${range};q=${q.toFixed(3)}`)).join(', ')),
  fc.string({ maxLength: 80 }).map(headerSafe),
);

const CONTENT_TYPES = [
  'application/sparql-query',
  'application/sparql-update',
  'application/x-www-form-urlencoded',
  'application/json',
  'text/turtle',
  'application/n-triples',
  'application/sparql-query; charset=latin1',
  'application/x-www-form-urlencoded; charset=utf-16',
  'multipart/form-data; boundary=x',
  'text/plain',
  'application/octet-stream',
];
const contentType = fc.oneof(fc.constantFrom(...CONTENT_TYPES), fc.string({ maxLength: 40 }).map(headerSafe));
const body = fc.oneof(
  sparqlText,
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  fc
    .array(
      fc.tuple(
        fc.constantFrom('query', 'update', 'default-graph-uri', 'named-graph-uri', 'using-graph-uri', 'format', 'x', '__proto__', 'constructor', 'valueOf'),
        sparqlText,
      ),
      { maxLength: 4 },
    )
    .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')),
);

// ---------------------------------------------------------------------------------------------
// Properties

const SPARQL_GET_STATUSES = [200, 400];
const GRAPHQL_STATUSES = [200, 400];
const NEGOTIATED_STATUSES = [200, 406];
/** POST /sparql: answered, refused as malformed, unauthorised update, wrong media type. */
const SPARQL_POST_STATUSES = [200, 204, 400, 401, 403, 415];
/** An anonymous write: refused before its body is read. */
const ANONYMOUS_WRITE_STATUSES = [401];

const sparqlGet = (query: string) => answer({ method: 'GET', url: `/sparql?query=${encodeURIComponent(query)}` });
const graphqlPost = (payload: string) =>
  answer({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, payload });

describe('SPARQL queries by GET', () => {
  regressions(REGRESSIONS.sparqlQueries, async (query) => expectStatus(await sparqlGet(query), SPARQL_GET_STATUSES, query));
  test('any text is answered 200 or 400', async () => {
    await fc.assert(
      fc.asyncProperty(sparqlText, async (query) => expectStatus(await sparqlGet(query), SPARQL_GET_STATUSES, query)),
      { ...RUNS, examples: Object.values(REGRESSIONS.sparqlQueries).map((q) => [q]) },
    );
  });
});

describe('GraphQL documents', () => {
  regressions(REGRESSIONS.graphqlDocuments, async (query) => expectStatus(await graphqlPost(JSON.stringify({ query })), GRAPHQL_STATUSES, query));
  test('any document is answered 200 or 400', async () => {
    await fc.assert(
      fc.asyncProperty(graphqlDocument, async (query) => expectStatus(await graphqlPost(JSON.stringify({ query })), GRAPHQL_STATUSES, query)),
      { ...RUNS, examples: Object.values(REGRESSIONS.graphqlDocuments).map((q) => [q]) },
    );
  });
});

describe('GraphQL request bodies', () => {
  regressions(REGRESSIONS.graphqlBodies, async (payload) => expectStatus(await graphqlPost(payload), [400], payload));
  test('any JSON body, request-shaped or not, is answered 200 or 400', async () => {
    await fc.assert(
      fc.asyncProperty(graphqlBody, async (payload) => expectStatus(await graphqlPost(payload), GRAPHQL_STATUSES, payload)),
      { ...RUNS, examples: Object.values(REGRESSIONS.graphqlBodies).map((p) => [p]) },
    );
  });
});

describe('Accept headers', () => {
  const NEGOTIATED = [
    '/sparql?query=ASK%7B%7D',
    '/sparql?query=CONSTRUCT%7B%3Fs%20%3Fp%20%3Fo%7DWHERE%7B%3Fs%20%3Fp%20%3Fo%7D',
    '/store?default',
    '/.well-known/void',
    '/api/queries/class-counts',
  ];
  regressions(REGRESSIONS.acceptHeaders, async (accept) => {
    for (const url of NEGOTIATED) expectStatus(await answer({ method: 'GET', url, headers: { accept } }), NEGOTIATED_STATUSES, { url, accept });
  });
  test('any Accept header gets the resource or 406', async () => {
    await fc.assert(
      fc.asyncProperty(acceptHeader, fc.constantFrom(...NEGOTIATED), async (accept, url) =>
        expectStatus(await answer({ method: 'GET', url, headers: { accept } }), NEGOTIATED_STATUSES, { url, accept }),
      ),
      { ...RUNS, examples: Object.values(REGRESSIONS.acceptHeaders).map((a) => [a, NEGOTIATED[0]]) },
    );
  });
});

describe('query parameters', () => {
  const PATHS = [
    '/',
    '/api/graph',
    '/api/search',
    '/api/resource',
    '/api/network',
    '/api/queries/paragraphs-citing',
    '/timeline',
    '/clause/x',
    '/sparql',
    '/store',
  ];
  const NAMES = [
    'format',
    'lang',
    'q',
    'kind',
    'depth',
    'limit',
    'offset',
    'iri',
    'graph',
    'default',
    'query',
    'resolution',
    'constructor',
    '__proto__',
    'valueOf',
  ];
  const VALUES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', '', '-1', '1e309'];
  test('any parameter on a reading route, named or valued like a member of every JavaScript object, is answered without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PATHS),
        fc.array(fc.tuple(fc.constantFrom(...NAMES), fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 20 }))), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(undefined, 'text/html', 'application/json', 'constructor'),
        async (path, pairs, accept) => {
          const url = `${path}?${pairs.map(([n, v]) => `${n}=${encodeURIComponent(v)}`).join('&')}`;
          const response = await answer({ method: 'GET', url, headers: accept ? { accept } : {} });
          if (response.statusCode >= 500) expectStatus(response, [], { url, accept });
        },
      ),
      RUNS,
    );
  });
});

describe('request bodies', () => {
  regressions(REGRESSIONS.formBodies, async (payload) =>
    expectStatus(
      await answer({ method: 'POST', url: '/sparql', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload }),
      SPARQL_POST_STATUSES,
      payload,
    ),
  );
  test('any body POSTed to /sparql, of any declared type, is answered without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(contentType, body, async (type, payload) =>
        expectStatus(await answer({ method: 'POST', url: '/sparql', headers: { 'content-type': type }, payload }), SPARQL_POST_STATUSES, {
          type,
          payload: String(payload),
        }),
      ),
      RUNS,
    );
  });

  test('any anonymous upload to /store is refused before its body is read', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('PUT', 'POST', 'DELETE'), contentType, body, async (method, type, payload) =>
        expectStatus(await answer({ method: method as 'PUT', url: '/store?default', headers: { 'content-type': type }, payload }), ANONYMOUS_WRITE_STATUSES, {
          method,
          type,
        }),
      ),
      RUNS,
    );
  });
});

import { QueryTimeoutError, type GraphStore } from '../../src/graph';
import { MAX_ALIASES, MAX_DEPTH, MAX_REQUEST_BODY_BYTES, MAX_REQUESTED_NODES, MAX_TOKENS, type GraphqlServer } from '../../src/graphql';
import { CountingStore } from './CountingStore';
import { execute, graphqlServer, seedStore } from './seedStore';

/** Requests over the document limits are refused while they are validated: the store never
 *  sees a query for them. */

const nested = (levels: number): string => `{ paragraphs(first: 1) { nodes { ${'subParagraphs { '.repeat(levels)}id${' }'.repeat(levels)} } } }`;

const REFUSED: Array<[string, string, RegExp]> = [
  ['a query nested deeper than the depth limit', nested(MAX_DEPTH), new RegExp(`depth limit of ${MAX_DEPTH} exceeded`)],
  [
    'a query whose literal page sizes multiply past the cost limit',
    `{ paragraphs(first: 100) { nodes { document { citedBy(first: 100) { nodes { text document { symbol } } } } } } }`,
    /Query Cost limit of \d+ exceeded/,
  ],
  [
    'a query whose page sizes, given as variables, multiply past the node limit',
    `query($n: Int) { paragraphs(first: $n) { nodes { mentions { ... on Organisation { mentionedBy(first: $n) { nodes { mentions { ... on Plan { mentionedBy(first: $n) { nodes { id } } } } } } } } } } }`,
    new RegExp(`above the limit of ${MAX_REQUESTED_NODES}`),
  ],
  [
    'a query with more aliases than allowed',
    `{ ${Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `a${i}: sdgTarget(code: "5.2") { code }`).join(' ')} }`,
    new RegExp(`Aliases limit of ${MAX_ALIASES} exceeded`),
  ],
  ['a query with more tokens than allowed', `{ ${'__typename '.repeat(MAX_TOKENS)} }`, new RegExp(`Token limit of ${MAX_TOKENS} exceeded`)],
];

describe('protection', () => {
  let real: GraphStore;
  let store: CountingStore;
  let server: GraphqlServer;

  beforeAll(async () => {
    real = await seedStore();
    store = new CountingStore(real);
    server = graphqlServer(store);
  });
  afterAll(() => real.close());
  beforeEach(() => store.reset());

  test.each(REFUSED)('refuses %s with a clear error before any store query', async (_, query, message) => {
    const response = await execute(server, query, { n: 100 });
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors?.map((e) => e.message).join('\n')).toMatch(message);
    expect(store.count).toBe(0);
  });

  test('refuses a body larger than the limit with 413, from its Content-Length, before reading it', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(MAX_REQUEST_BODY_BYTES) } });
    const response = await server.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), accept: 'application/graphql-response+json' },
      body,
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    expect(store.count).toBe(0);
  });

  test('accepts a query just inside the depth limit', async () => {
    const response = await execute(server, nested(MAX_DEPTH - 3));
    expect(response.body.errors).toBeUndefined();
    expect(store.count).toBeGreaterThan(0);
  });

  test('leaves introspection (as GraphiQL sends it) within the limits', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const response = await execute(server, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.__schema.types.map((t: { name: string }) => t.name)).toContain('Paragraph');
    expect(store.count).toBe(0);
  });

  test.each([
    ['an IRI that is not one', `{ node(id: "not an IRI") { id } }`, /"id" must be an absolute IRI/],
    ['a malformed symbol', `{ resolution(symbol: "<script>") { id } }`, /not a UN document symbol/],
    ['a malformed SDG code', `{ sdgTarget(code: "five") { id } }`, /not an SDG goal or target code/],
    ['both an id and a slug', `{ organisation(id: "https://w3id.org/unkg/org/unodc", slug: "unodc") { id } }`, /exactly one of "id" and "slug"/],
    ['a search text too short to mean anything', `{ search(text: "a") { totalCount } }`, /must be 3 to 200 characters/],
  ])('explains a client mistake: %s', async (_, query, message) => {
    const response = await execute(server, query);
    expect(response.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT' } });
    expect(store.count).toBe(0);
  });

  test.each([
    ['resolution', `{ resolution(symbol: "A/RES/99/999") { id } }`],
    ['document', `{ document(symbol: "A/99/999") { id } }`],
    ['node', `{ node(id: "https://w3id.org/unkg/eli/un/A/RES/99/999") { id } }`],
    ['sdgTarget', `{ sdgTarget(code: "99.9") { id } }`],
    ['organisation', `{ organisation(slug: "no-such-body") { id } }`],
  ])('answers null for an unknown %s', async (field, query) => {
    const response = await execute(server, query);
    expect(response.body).toEqual({ data: { [field]: null } });
  });

  test('answers null when a symbol names a document of another kind', async () => {
    const response = await execute(server, `{ resolution(symbol: "E/2017/30") { id } document(symbol: "E/2017/30") { __typename symbol } }`);
    expect(response.body).toEqual({ data: { resolution: null, document: { __typename: 'OtherDocument', symbol: 'E/2017/30' } } });
  });
});

describe('error masking', () => {
  let real: GraphStore;
  const logged: unknown[] = [];

  beforeAll(async () => {
    real = await seedStore();
  });
  afterAll(() => real.close());

  test('hides an unexpected failure behind "Unexpected error." and logs it', async () => {
    const failing = new CountingStore(real);
    failing.select = failing.query = async () => {
      throw new Error('disk on fire at /var/lib/secret');
    };
    const { createGraphqlServer } = await import('../../src/graphql');
    const server = createGraphqlServer({
      store: failing,
      base: 'https://w3id.org/unkg/',
      logger: { debug() {}, info() {}, warn() {}, error: (...args: unknown[]) => logged.push(...args) },
    });
    const response = await execute(server, `{ resolution(symbol: "E/RES/2017/18") { symbol } }`);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ message: 'Unexpected error.', path: ['resolution'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
    ]);
    expect(JSON.stringify(response.body)).not.toContain('disk on fire');
    expect(logged).toEqual([expect.objectContaining({ message: 'disk on fire at /var/lib/secret' })]);
  });

  test('says plainly that a store query ran out of time, with 503', async () => {
    const slow = new CountingStore(real);
    slow.select = slow.query = async () => {
      throw new QueryTimeoutError(250);
    };
    const { createGraphqlServer } = await import('../../src/graphql');
    const response = await execute(createGraphqlServer({ store: slow, base: 'https://w3id.org/unkg/' }), `{ resolution(symbol: "E/RES/2017/18") { symbol } }`);
    expect(response.status).toBe(503);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ message: expect.stringContaining('took longer than 250 ms'), path: ['resolution'], extensions: { code: 'QUERY_TIMEOUT' } }),
    ]);
  });
});

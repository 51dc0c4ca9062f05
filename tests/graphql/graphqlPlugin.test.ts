import type { FastifyInstance } from 'fastify';
import type { GraphStore } from '../../src/graph';
import { MISSING_QUERY_MESSAGE, persistedOperationNamed } from '../../src/graphql';
import { graphqlApp } from './graphqlApp';
import { seedStore } from './seedStore';

/** The plugin in a fastify application set up as the service's. */
describe('graphqlPlugin', () => {
  let store: GraphStore;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = await seedStore();
    app = await graphqlApp(store);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const QUERY = '{ sdgTarget(code: "5.2") { code label } }';

  test('answers a POSTed operation as JSON', async () => {
    const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query: QUERY }, headers: { 'accept-language': 'fr' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/(graphql-response\+)?json/);
    expect(response.json().data.sdgTarget).toEqual({ code: '5.2', label: expect.stringMatching(/^Éliminer/) });
  });

  test('answers an operation in a GET query string', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent(QUERY)}`,
      headers: { accept: 'application/json', 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().data.sdgTarget.label).toMatch(/^Eliminate all forms of violence/);
  });

  test.each([{}, { accept: 'application/json' }, { accept: '*/*' }])('answers a GET without an operation (%j) with 400 and how to ask', async (headers) => {
    const response = await app.inject({ method: 'GET', url: '/graphql', headers });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ errors: [{ message: MISSING_QUERY_MESSAGE, extensions: { code: 'BAD_REQUEST' } }] });
    expect(MISSING_QUERY_MESSAGE).toMatch(/^GET \/graphql needs an operation: \?query=/);
  });

  test('serves GraphiQL to a browser opening /graphql', async () => {
    const response = await app.inject({ method: 'GET', url: '/graphql', headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('<title>UN resolutions knowledge graph: GraphQL</title>');
  });

  test('answers a refused operation with 400 and says why', async () => {
    const deep = `{ paragraphs { nodes { ${'subParagraphs { '.repeat(12)}id${' }'.repeat(12)} } } }`;
    const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query: deep }, headers: { accept: 'application/graphql-response+json' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].message).toMatch(/depth limit/);
  });

  test('lets the application answer CORS preflight for any origin', async () => {
    const response = await app.inject({
      method: 'OPTIONS',
      url: '/graphql',
      headers: { origin: 'https://front.example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.statusCode).toBeLessThan(300);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(String(response.headers['access-control-allow-methods'])).toContain('POST');
  });

  test('sends CORS headers once on a cross-origin answer', async () => {
    const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query: QUERY }, headers: { origin: 'https://front.example.org' } });
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.rawPayload.length).toBeGreaterThan(0);
  });

  test('serves GraphiQL to a browser, with its assets from this service and a working example', async () => {
    const page = await app.inject({ method: 'GET', url: '/graphql', headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<script src="/graphql/assets/graphiql-page.js"></script>');
    expect(page.body).toContain('<script src="/graphql/assets/graphiql.js"></script>');
    // No inline script: the page runs under a Content-Security-Policy with script-src 'self'.
    expect(page.body.match(/<script>/g)).toBeNull();
    expect((await app.inject({ method: 'GET', url: '/graphql/assets/graphiql-page.js' })).body).toContain('YogaGraphiQL.renderYogaGraphiQL');
    expect(page.body).not.toMatch(/unpkg|cdn\./);
    expect(page.body).toContain(JSON.stringify(persistedOperationNamed('ParagraphsCiting')!.document).slice(1, 60));

    for (const [asset, type] of [
      ['graphiql.js', 'text/javascript'],
      ['graphiql.css', 'text/css'],
      ['graphql.worker.js', 'text/javascript'],
      ['favicon.ico', 'image/x-icon'],
    ]) {
      const response = await app.inject({ method: 'GET', url: `/graphql/assets/${asset}` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain(type);
      expect(response.headers['cache-control']).toMatch(/max-age=\d+/);
      expect(response.rawPayload.length).toBeGreaterThan(10_000);
    }
    expect((await app.inject({ method: 'GET', url: '/graphql/assets/secrets.txt' })).statusCode).toBe(404);
  });

  test('lists the persisted operations with their hashes', async () => {
    const response = await app.inject({ method: 'GET', url: '/graphql/operations' });
    expect(response.statusCode).toBe(200);
    const operation = persistedOperationNamed('SdgTargetWithCitingParagraphs')!;
    expect(response.json().operations).toContainEqual({ name: operation.name, sha256Hash: operation.sha256Hash, document: operation.document });
  });

  test('runs the example GraphiQL opens on', async () => {
    const example = persistedOperationNamed('ParagraphsCiting')!;
    const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query: example.document, variables: { cites: 'A/RES/64/293' } } });
    const { totalCount, edges } = response.json().data.paragraphs;
    expect(totalCount).toBe(3);
    expect(
      edges.map((e: { node: { document: { symbol: string }; number: string; kind: string } }) => `${e.node.document.symbol} ${e.node.kind} ${e.node.number}`),
    ).toEqual(['E/RES/2017/18 PREAMBULAR 5', 'E/RES/2017/18 OPERATIVE 2', 'E/RES/2017/18 OPERATIVE 13']);
  });
});

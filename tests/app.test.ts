import { MAX_POST_BODY_BYTES } from '../src/http';
import { buildTestApp, type TestApp } from './helpers';

describe('buildApp', () => {
  let t: TestApp;
  beforeAll(async () => (t = await buildTestApp()));
  afterAll(() => t.close());

  it('answers /health', async () => {
    const response = await t.app.inject('/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('answers unknown paths with a JSON 404', async () => {
    const response = await t.app.inject('/no/such/page');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'No resource at GET /no/such/page' });
  });

  it('lets any origin read', async () => {
    const response = await t.app.inject({ url: '/health', headers: { origin: 'https://elsewhere.example' } });
    expect(response.headers['access-control-allow-origin']).toBe('*');
  });

  it(`refuses a POSTed query over ${MAX_POST_BODY_BYTES / 1024 / 1024} MiB with 413`, async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/sparql',
      headers: { 'content-type': 'application/sparql-query' },
      payload: `ASK {} #${'x'.repeat(MAX_POST_BODY_BYTES)}`,
    });
    expect(response.statusCode).toBe(413);
  });
});

describe('the app serves the named queries and their OpenAPI description', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('lists the queries of queries/ at /api/queries', async () => {
    const res = await t.app.inject({ url: '/api/queries' });
    expect(res.statusCode).toBe(200);
    expect((res.json() as Array<{ name: string }>).map((q) => q.name)).toContain('paragraphs-citing');
  });

  it('publishes OpenAPI at /api/openapi.json and its docs at /api/docs', async () => {
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json() as { openapi: string; paths: Record<string, unknown> };
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toContain('/api/queries/who-does-what');
    const docs = await t.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });
});

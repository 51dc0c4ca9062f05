import { buildApp } from '../../src/app';
import { createStore } from '../../src/graph';
import { buildTestApp, LIBRARY, testConfig, waitFor, type TestApp } from '../helpers';

describe('health checks', () => {
  let t: TestApp;
  beforeAll(async () => (t = await buildTestApp()));
  afterAll(() => t.close());

  it.each(['/health/live', '/health'])('%s answers that the process is alive', async (url) => {
    const response = await t.app.inject(url);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('/health/ready says ready once the store can take a query, with its state', async () => {
    // The search index's first build runs behind the start: once it is done the queue is empty.
    await waitFor(() => t.store.status().queue.depth === 0 && t.store.status().workers.busy === 0);
    const response = await t.app.inject('/health/ready');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ready: true, backend: 'embedded', revision: 0, workers: { total: 1, loading: 0 }, queue: { depth: 0 } });
  });
});

describe('/health/ready on a store that cannot take a query', () => {
  it('answers 503 with the reason and Retry-After, while /health/live still answers 200', async () => {
    const store = await createStore({ sources: [LIBRARY], workers: 1 });
    const app = await buildApp(testConfig(), { store });
    await store.close();
    const ready = await app.inject('/health/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['retry-after']).toBe('5');
    expect(ready.json()).toMatchObject({ ready: false, reason: 'no query worker is running' });
    expect((await app.inject('/health/live')).statusCode).toBe(200);
    await app.close();
  });
});

describe('request ids', () => {
  let t: TestApp;
  beforeAll(async () => (t = await buildTestApp()));
  afterAll(() => t.close());

  it('keeps a well-formed X-Request-Id and returns it', async () => {
    const response = await t.app.inject({ url: '/health/live', headers: { 'x-request-id': 'proxy-7f3a.42:1' } });
    expect(response.headers['x-request-id']).toBe('proxy-7f3a.42:1');
  });

  it.each([
    ['with a space', 'a b'],
    ['too long', 'x'.repeat(129)],
    ['with a line break', 'a\\nb'],
    ['empty', ''],
  ])('replaces an id %s by a new one', async (_, given) => {
    const response = await t.app.inject({ url: '/health/live', headers: { 'x-request-id': given } });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('gives every request its own id when none is sent', async () => {
    const ids = await Promise.all([1, 2, 3].map(async () => (await t.app.inject('/health/live')).headers['x-request-id']));
    expect(new Set(ids).size).toBe(3);
  });
});

describe('logging', () => {
  const logged = async (level: string) => {
    const lines: Array<Record<string, unknown>> = [];
    const store = await createStore({ sources: [LIBRARY], workers: 1 });
    const app = await buildApp(testConfig({ UNKG_LOG_LEVEL: level }), { store, logStream: { write: (line: string) => lines.push(JSON.parse(line)) } });
    await app.inject({ url: '/sparql?query=ASK%7B%7D', headers: { 'x-request-id': 'req-1' } });
    await app.inject({ url: '/no/such/page', headers: { 'x-request-id': 'req-2' } });
    await app.close();
    await store.close();
    return lines;
  };

  it('writes no line per request at info level', async () => {
    expect((await logged('info')).filter((line) => line.reqId)).toEqual([]);
  });

  it('writes one structured line per request at debug level, with its request id', async () => {
    const lines = (await logged('debug')).filter((line) => line.msg === 'request answered');
    expect(lines).toEqual([
      expect.objectContaining({ level: 20, reqId: 'req-1', method: 'GET', route: '/sparql', statusCode: 200, ms: expect.any(Number) }),
      expect.objectContaining({ level: 20, reqId: 'req-2', method: 'GET', route: 'unmatched', statusCode: 404 }),
    ]);
  });
});

describe('/metrics', () => {
  let t: TestApp;
  beforeAll(async () => (t = await buildTestApp()));
  afterAll(() => t.close());

  const sample = (text: string, series: string): number | undefined => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  it('shows request latency per route, query latency per form, the store’s queue, workers, counters, size and revision', async () => {
    await t.app.inject({ url: '/sparql?query=SELECT%20*%20%7B%3Fs%20%3Fp%20%3Fo%7D' });
    await t.app.inject({ url: '/sparql?query=ASK%7B%7D' });
    await t.app.inject({ url: '/sparql?query=SELEC' });
    const response = await t.app.inject('/metrics');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0.0.4/);
    const text = response.body;
    expect(sample(text, 'unkg_http_request_duration_seconds_count{method="GET",route="/sparql",status_code="200"}')).toBe(2);
    expect(sample(text, 'unkg_http_request_duration_seconds_count{method="GET",route="/sparql",status_code="400"}')).toBe(1);
    expect(sample(text, 'unkg_sparql_query_duration_seconds_count{form="SELECT",outcome="ok"}')).toBe(1);
    expect(sample(text, 'unkg_sparql_query_duration_seconds_count{form="ASK",outcome="ok"}')).toBe(1);
    expect(sample(text, 'unkg_store_queue_depth')).toBe(0);
    expect(sample(text, 'unkg_store_ready')).toBe(1);
    expect(sample(text, 'unkg_store_revision')).toBe(0);
    expect(sample(text, 'unkg_store_workers{state="idle"}')).toBe(1);
    for (const counter of ['timeouts', 'cancellations', 'refusals', 'worker_replacements']) expect(sample(text, `unkg_store_${counter}_total`)).toBe(0);
    expect(sample(text, 'unkg_store_quads')).toBe(await t.store.size());
    expect(sample(text, 'unkg_process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});

import type { GraphStore, QueryOptions } from '../../src/graph';
import { createTestStore } from '../storeUnderTest';
import { LIBRARY, serveApp, testConfig, type TestApp } from '../helpers';

/** The real store, with the options of each query it is asked noted down. */
function recording(store: GraphStore, seen: QueryOptions[]): GraphStore {
  const note = <T extends object | undefined>(options: T): T => {
    seen.push({ ...(options ?? {}) } as QueryOptions);
    return options;
  };
  return Object.assign(Object.create(store) as GraphStore, {
    query: (sparql: string, options?: QueryOptions) => store.query(sparql, note(options)),
    select: (sparql: string, options?: Parameters<GraphStore['select']>[1]) => store.select(sparql, note(options)),
    ask: (sparql: string, options?: Parameters<GraphStore['ask']>[1]) => store.ask(sparql, note(options)),
  });
}

describe('GraphQL store queries', () => {
  let t: TestApp;
  const seen: QueryOptions[] = [];
  beforeAll(async () => {
    const config = testConfig();
    const store = await createTestStore({ sources: [LIBRARY], workers: 1, spareWorkers: 0, timeoutMs: config.queryTimeoutMs });
    t = await serveApp(config, recording(store, seen));
  });
  afterAll(() => t.close());

  it('carry the request’s client and abort signal, as SPARQL queries do', async () => {
    seen.length = 0;
    const response = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      remoteAddress: '192.0.2.44',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query: '{ resolutions(first: 2) { edges { node { symbol } } } }' }),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().errors).toBeUndefined();
    expect(seen.length).toBeGreaterThan(0);
    for (const options of seen) {
      expect(options.clientId).toBe('192.0.2.44');
      expect(options.signal).toBeInstanceOf(AbortSignal);
    }
    seen.length = 0;
    await t.app.inject(`/sparql?query=${encodeURIComponent('ASK {}')}`);
    expect(seen.map((options) => options.clientId)).toEqual(['127.0.0.1']);
  });
});

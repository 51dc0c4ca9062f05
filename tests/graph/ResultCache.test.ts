import { createStore, type OxigraphStore } from '../../src/graph';
import { ResultCache } from '../../src/graph/ResultCache';

describe('ResultCache', () => {
  it('keeps results of the current revision and forgets them all when the revision moves', () => {
    const cache = new ResultCache(10);
    cache.set('q', 1, 'one');
    expect(cache.get('q', 1)).toBe('one');
    expect(cache.get('q', 2)).toBeUndefined();
    cache.set('r', 2, 'two');
    expect(cache.get('q', 2)).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it('evicts the least recently used entry beyond its capacity, and keeps no large body', () => {
    const cache = new ResultCache(2, 5);
    cache.set('a', 0, 'a');
    cache.set('b', 0, 'b');
    cache.get('a', 0);
    cache.set('c', 0, 'c');
    expect([cache.get('a', 0), cache.get('b', 0), cache.get('c', 0)]).toEqual(['a', undefined, 'c']);
    cache.set('big', 0, '123456');
    expect(cache.get('big', 0)).toBeUndefined();
  });

  it('never keeps results that depend on the moment or on chance', () => {
    expect(ResultCache.cacheable('ASK {}')).toBe(true);
    for (const q of [
      'SELECT (NOW() AS ?t) {}',
      'SELECT (rand() AS ?r) {}',
      'SELECT (UUID() AS ?u) {}',
      'SELECT (STRUUID() AS ?u) {}',
      'SELECT (BNODE () AS ?b) {}',
    ]) {
      expect(ResultCache.cacheable(q)).toBe(false);
    }
  });
});

describe('the store answers repeated queries from the result cache without serving stale data', () => {
  let store: OxigraphStore;
  beforeAll(async () => {
    store = await createStore({ sources: [{ data: '<http://e/s> <http://e/p> "1" .', format: 'application/n-triples' }], workers: 1, resultCache: true });
  });
  afterAll(() => store.close());

  it('gives the new answer after a write', async () => {
    const count = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }';
    const n = async () => (await store.select(count)).results.bindings[0].n.value;
    expect(await n()).toBe('1');
    expect(await n()).toBe('1');
    await store.update('INSERT DATA { <http://e/s> <http://e/p> "2" }');
    expect(await n()).toBe('2');
  });

  it('evaluates again when asked not to use the cache', async () => {
    const q = 'SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o';
    const first = await store.query(q);
    expect((await store.query(q, { cache: false })).body).toBe(first.body);
  });
});

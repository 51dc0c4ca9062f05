import { type GraphStore } from '../../../src/graph';
import type { PrivateVirtuoso } from '../../../scripts/virtuoso/privateVirtuoso';
import { createVirtuosoStore } from '../../storeUnderTest';

/** Caches over a store that others write: a write made directly in Virtuoso (through its SQL
 *  console, not the service) is seen through the store within its freshness window, with the
 *  result cache on. */

jest.setTimeout(120_000);
const EX = 'http://example.org/';
const FRESHNESS_MS = 800;
const COUNT = `SELECT (COUNT(*) AS ?n) WHERE { ?s <${EX}p> ?o }`;

describe('the remote store under writes it did not make', () => {
  let store: GraphStore;
  let virtuoso: PrivateVirtuoso;
  const count = async () => Number((await store.select(COUNT)).results.bindings[0].n.value);

  beforeAll(async () => {
    ({ store, virtuoso } = await createVirtuosoStore({
      sources: [{ format: 'text/turtle', graph: `${EX}g/a`, data: `<${EX}a> <${EX}p> 1 .` }],
      resultCache: true,
      freshnessMs: FRESHNESS_MS,
    }));
  });
  afterAll(() => store.close());

  it('moves version() at least once per freshness window, so derived caches are rebuilt', async () => {
    const before = store.version();
    await new Promise((resolve) => setTimeout(resolve, FRESHNESS_MS + 50));
    expect(store.version()).toBeGreaterThan(before);
  });

  it('serves a direct write within the freshness window, with the result cache on', async () => {
    expect(await count()).toBe(1);
    expect(await count()).toBe(1); // now answered from the cache
    await virtuoso.isql(`SPARQL INSERT DATA { GRAPH <${EX}g/a> { <${EX}b> <${EX}p> 2 } }`);
    const written = Date.now();
    let seenAfter = Number.POSITIVE_INFINITY;
    while (Date.now() - written < 5_000) {
      if ((await count()) === 2) {
        seenAfter = Date.now() - written;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(seenAfter).toBeLessThanOrEqual(FRESHNESS_MS + 100);
  });

  it('serves its own writes at once', async () => {
    await store.update(`INSERT DATA { GRAPH <${EX}g/a> { <${EX}c> <${EX}p> 3 } }`);
    expect(await count()).toBe(3);
  });
});

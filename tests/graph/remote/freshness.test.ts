import { type GraphStore } from '../../../src/graph';
import type { PrivateVirtuoso } from '../../../scripts/virtuoso/privateVirtuoso';
import { createVirtuosoStore } from '../../storeUnderTest';

/** Caches over a store that others write: a write made directly in Virtuoso (through its SQL
 *  console, not the service) is seen through the store within its freshness window, with the
 *  result cache on, and moves version() (which derived caches are keyed on) within two
 *  windows; version() stays put while nothing changes. */

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

  it('moves version() when a write made directly in the store is seen, and not while nothing changes', async () => {
    const before = store.version();
    await new Promise((resolve) => setTimeout(resolve, FRESHNESS_MS * 3));
    // Three windows without a change: at most the slow tick of VERSION_MAX_AGE_WINDOWS.
    expect(store.version() - before).toBeLessThanOrEqual(1);
    const quiet = store.version();
    await virtuoso.isql(`SPARQL INSERT DATA { GRAPH <${EX}g/b> { <${EX}z> <${EX}q> 9 } }`);
    const written = Date.now();
    while (store.version() === quiet && Date.now() - written < 5_000) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.version()).toBeGreaterThan(quiet);
    expect(Date.now() - written).toBeLessThanOrEqual(2 * FRESHNESS_MS + 200);
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

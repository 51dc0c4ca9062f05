import type { GraphStore } from '../../../src/graph';
import type { PrivateVirtuoso } from '../../../scripts/virtuoso/privateVirtuoso';
import { createVirtuosoStore } from '../../storeUnderTest';

/** BGPs over predicates that no triple states in two graphs are sent to Virtuoso as they are
 *  (no GRAPH, no DISTINCT): the answers stay those of the set merge, before and after writes
 *  made through the store or directly in Virtuoso that state a triple in a second graph. */

jest.setTimeout(120_000);
const EX = 'http://example.org/';
const FRESHNESS_MS = 500;
const [P, Q, R] = ['p', 'q', 'r'].map((name) => `<${EX}${name}>`);

describe('the remote store with its predicates known', () => {
  let store: GraphStore;
  let virtuoso: PrivateVirtuoso;
  const count = async (pattern: string) => Number((await store.select(`SELECT (COUNT(*) AS ?n) WHERE { ${pattern} }`)).results.bindings[0].n.value);
  /** Resolves once the store reads its predicates as of its current version. */
  const predicatesKnown = async () => {
    const known = () => {
      const read = (store as unknown as { predicates?: { version: number } }).predicates;
      return read?.version === store.version();
    };
    const until = Date.now() + 20_000;
    while (!known() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(known()).toBe(true);
  };

  beforeAll(async () => {
    ({ store, virtuoso } = await createVirtuosoStore({
      sources: [
        {
          format: 'application/n-quads',
          data: [
            `<${EX}a> ${P} <${EX}b> <${EX}g1> .`,
            `<${EX}a> ${P} <${EX}b> <${EX}g2> .`,
            `<${EX}a> ${Q} "1" <${EX}g1> .`,
            `<${EX}b> ${Q} "2" <${EX}g2> .`,
            `<${EX}x> ${R} <${EX}y> <${EX}g1> .`,
          ].join('\n'),
        },
      ],
      freshnessMs: FRESHNESS_MS,
    }));
  });
  afterAll(() => store.close());

  it('answers over the merge with the predicates known', async () => {
    await predicatesKnown();
    const sent = (query: string) => (store as unknown as { rewrite(text: string, dataset: boolean): { text: string } }).rewrite(query, false).text;
    expect(sent(`SELECT ?s WHERE { ?s ${Q} ?o }`)).not.toMatch(/GRAPH|DISTINCT/);
    expect(sent(`SELECT ?s WHERE { ?s ${P} ?o . ?o ${Q} ?v }`)).toMatch(/GRAPH/);
    expect(await count(`?s ${P} ?o`)).toBe(1);
    expect(await count(`?s ${Q} ?o`)).toBe(2);
    expect(await count(`?s ${P} ?o . ?o ${Q} ?v`)).toBe(1);
    const grouped = await store.select(`SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ${Q} ?o FILTER(?o != "3") } GROUP BY ?s ORDER BY ?s`);
    expect(grouped.results.bindings.map((row) => [row.s.value, row.n.value])).toEqual([
      [`${EX}a`, '1'],
      [`${EX}b`, '1'],
    ]);
  });

  it('counts a triple stated again in a second graph through the store once, at once', async () => {
    await predicatesKnown();
    await store.update(`INSERT DATA { GRAPH <${EX}g2> { <${EX}x> ${R} <${EX}y> } }`);
    expect(await count(`?s ${R} ?o`)).toBe(1);
    await predicatesKnown();
    expect(await count(`?s ${R} ?o`)).toBe(1);
  });

  it('counts a triple stated again in a second graph directly in Virtuoso once, after the probe sees it', async () => {
    await predicatesKnown();
    const before = store.version();
    await virtuoso.isql(`SPARQL INSERT DATA { GRAPH <${EX}g3> { <${EX}a> ${Q} "1" } }`);
    const written = Date.now();
    while (store.version() === before && Date.now() - written < 5_000) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(Date.now() - written).toBeLessThanOrEqual(2 * FRESHNESS_MS + 200);
    expect(await count(`?s ${Q} ?o`)).toBe(2);
    await predicatesKnown();
    expect(await count(`?s ${Q} ?o`)).toBe(2);
  });
});

import type { GraphStore } from '../../../src/graph';

/** The store contract "the default graph is a set", as one suite every backend runs: a
 *  query or update without a dataset sees the RDF merge of all graphs, each triple once,
 *  whatever wrote the triples (sources, SPARQL Update, Graph Store writes) and whatever
 *  removed them. `makeStore` gives an empty store; each case starts from DROP ALL. */

const EX = 'http://example.org/contract/';
const G1 = `${EX}g1`;
const G2 = `${EX}g2`;
const G3 = `${EX}g3`;
const P = `<${EX}p>`;
const Q = `<${EX}q>`;

const column = (results: { results: { bindings: Array<Record<string, { value: string }>> } }, name: string) =>
  results.results.bindings.map((row) => row[name]?.value ?? null);

export function describeDefaultGraphAsSet(backend: string, makeStore: () => Promise<GraphStore>): void {
  describe(`the default graph of the ${backend} store is a set`, () => {
    let store: GraphStore;
    const count = async (pattern: string) => Number(column(await store.select(`SELECT (COUNT(*) AS ?n) WHERE { ${pattern} }`), 'n')[0]);
    const values = async (query: string, name: string) => column(await store.select(query), name);

    beforeAll(async () => {
      store = await makeStore();
    });
    afterAll(async () => {
      await store.close();
    });
    beforeEach(async () => {
      await store.update('DROP SILENT ALL');
      // <a> p <b> stated in two graphs; <b> q <c> in one; <a> p 1 and p 2 for sums.
      await store.load(
        [
          `<${EX}a> ${P} <${EX}b> <${G1}> .`,
          `<${EX}a> ${P} <${EX}b> <${G2}> .`,
          `<${EX}b> ${Q} <${EX}c> <${G2}> .`,
          `<${EX}a> ${Q} "1"^^<http://www.w3.org/2001/XMLSchema#integer> <${G1}> .`,
          `<${EX}a> ${Q} "1"^^<http://www.w3.org/2001/XMLSchema#integer> <${G3}> .`,
          `<${EX}a> ${Q} "2"^^<http://www.w3.org/2001/XMLSchema#integer> <${G3}> .`,
        ].join('\n'),
        'application/n-quads',
      );
    });

    it('matches a triple stated in two graphs once', async () => {
      expect(await values(`SELECT ?o WHERE { <${EX}a> ${P} ?o }`, 'o')).toEqual([`${EX}b`]);
      expect(await count('?s ?p ?o')).toBe(4);
    });

    it('counts, sums and joins over the merge', async () => {
      expect(await values(`SELECT (SUM(?v) AS ?sum) WHERE { <${EX}a> ${Q} ?v }`, 'sum')).toEqual(['3']);
      expect(await count(`?x ${P} ?y . ?y ${Q} ?z`)).toBe(1);
      expect(await values(`SELECT ?x ?z WHERE { ?x ${P} ?y OPTIONAL { ?y ${Q} ?z } }`, 'z')).toEqual([`${EX}c`]);
    });

    it('follows sequence and alternative paths once per distinct route', async () => {
      expect(await count(`<${EX}a> ${P}/${Q} ?z`)).toBe(1);
      expect(await count(`<${EX}a> ${P}|${Q} ?z`)).toBe(3);
      expect(await count(`?x ^${P} <${EX}a>`)).toBe(1);
    });

    it('matches once inside UNIONs nested in UNION branches', async () => {
      const nested = `SELECT ?o WHERE { { ?s ${Q} ?o } UNION { { <${EX}a> ${P} ?o } UNION { VALUES ?s { <${EX}a> } ?s ${P}? ?o . ?o ${Q} ?c } } }`;
      expect((await values(nested, 'o')).sort()).toEqual(['1', '2', `${EX}a`, `${EX}a`, `${EX}b`, `${EX}b`, `${EX}c`].sort());
    });

    it('joins VALUES beside a UNION with every branch', async () => {
      const keyed = `SELECT ?s ?o WHERE { VALUES ?s { <${EX}b> } { ?s ${P} ?o } UNION { ?s ${Q} ?o } }`;
      expect(await values(keyed, 's')).toEqual([`${EX}b`]);
      expect(await values(keyed, 'o')).toEqual([`${EX}c`]);
      const both = `SELECT ?o WHERE { VALUES ?s { <${EX}a> <${EX}b> } { ?s ${P} ?o } UNION { ?s ${Q} ?o } }`;
      expect((await values(both, 'o')).sort()).toEqual(['1', '2', `${EX}b`, `${EX}c`].sort());
    });

    it('builds CONSTRUCT results and ASKs over the merge', async () => {
      const { body } = await store.query(`CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }`, { graphFormat: 'application/n-triples' });
      const lines = body.split('\n').filter(Boolean);
      expect(lines).toHaveLength(4);
      await expect(store.ask(`ASK { <${EX}b> ${Q} <${EX}c> }`)).resolves.toBe(true);
    });

    it('keeps named graphs apart and lists only the user graphs', async () => {
      expect(await count(`GRAPH ?g { <${EX}a> ${P} <${EX}b> }`)).toBe(2);
      await store.update(`INSERT DATA { <${EX}own> ${P} <${EX}b> }`);
      await expect(store.graphs()).resolves.toEqual([G1, G2, G3]);
      expect(await values('SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g', 'g')).toEqual([G1, G2, G3]);
      await expect(store.size()).resolves.toBe(7);
    });

    it('keeps the merge exact through SPARQL Update', async () => {
      await store.update(`INSERT DATA { GRAPH <${G3}> { <${EX}a> ${P} <${EX}b> } }`);
      expect(await count(`<${EX}a> ${P} ?o`)).toBe(1);
      await store.update(`DELETE DATA { GRAPH <${G1}> { <${EX}a> ${P} <${EX}b> } }`);
      expect(await count(`<${EX}a> ${P} ?o`)).toBe(1); // still stated in g2 and g3
      await store.update(`DELETE WHERE { GRAPH ?g { <${EX}a> ${P} ?o } }`);
      expect(await count(`<${EX}a> ${P} ?o`)).toBe(0);
      await store.update(`DROP GRAPH <${G3}>`);
      expect(await values(`SELECT ?v WHERE { <${EX}a> ${Q} ?v }`, 'v')).toEqual(['1']); // still in g1
    });

    it('lets an update read the merge and write the default graph its own statements', async () => {
      await store.update(`INSERT { ?s <${EX}seen> true } WHERE { ?s ${P} ?o }`);
      expect(await count(`?s <${EX}seen> true`)).toBe(1);
      await store.update(`DROP GRAPH <${G1}> ; DROP GRAPH <${G2}>`);
      expect(await count(`?s <${EX}seen> true`)).toBe(1); // the default graph's own statement outlives the graphs
      expect(await count(`?s ${P} ?o`)).toBe(0);
      await store.update(`DELETE WHERE { ?s <${EX}seen> ?v }`);
      expect(await count(`?s <${EX}seen> ?v`)).toBe(0);
    });

    it('applies WITH, COPY, MOVE and ADD to the graphs they name', async () => {
      await store.update(`WITH <${G2}> DELETE { ?s ${P} ?o } WHERE { ?s ${P} ?o }`);
      expect(await count(`GRAPH ?g { <${EX}a> ${P} <${EX}b> }`)).toBe(1);
      expect(await count(`<${EX}a> ${P} <${EX}b>`)).toBe(1);
      await store.update(`COPY <${G2}> TO <${G1}>`);
      expect(await count(`<${EX}a> ${P} <${EX}b>`)).toBe(0);
      await store.update(`ADD <${G1}> TO <${G3}> ; MOVE <${G3}> TO <${EX}g4>`);
      await expect(store.graphs()).resolves.toEqual([G1, G2, `${EX}g4`]);
      expect(await count('?s ?p ?o')).toBe(3);
    });

    it('keeps the merge exact through Graph Store writes', async () => {
      await store.load(`<${EX}a> ${P} <${EX}b> .`, 'application/n-triples', G3);
      expect(await count(`<${EX}a> ${P} ?o`)).toBe(1);
      await store.replace(`<${EX}x> ${P} <${EX}y> .`, 'application/n-triples', G1);
      await store.replace(`<${EX}x> ${P} <${EX}y> .`, 'application/n-triples', G2);
      expect(await count(`<${EX}a> ${P} ?o`)).toBe(1); // g3 still states it
      await store.drop(G3);
      expect(await count(`<${EX}a> ${P} ?o`)).toBe(0);
      expect(await count(`?s ${P} ?o`)).toBe(1);
    });

    it('serves the merge as the default graph and the stored statements as the dataset', async () => {
      await store.load(`<${EX}own> ${P} <${EX}b> .`, 'application/n-triples'); // no graph: the default graph
      const merge = (await store.dump('application/n-triples', null)).split('\n').filter(Boolean);
      expect(merge).toHaveLength(5);
      expect(new Set(merge).size).toBe(5);
      const dataset = (await store.dump('application/n-quads')).split('\n').filter(Boolean);
      expect(dataset).toHaveLength(7);
      expect(dataset).toContain(`<${EX}own> ${P} <${EX}b> .`);
      expect(dataset.some((line) => line.includes('urn:x-unkg'))).toBe(false);
    });
  });
}

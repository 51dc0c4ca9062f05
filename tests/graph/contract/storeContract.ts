import {
  QueryEvaluationError,
  QuerySyntaxError,
  QueryTimeoutError,
  RdfSyntaxError,
  StoreClosedError,
  type GraphStore,
  type StoreSource,
} from '../../../src/graph';

/** The store contract (GraphStore.ts), as functions over a store factory: every backend runs
 *  the same cases (embedded.test.ts, virtuoso.test.ts). */

export type StoreFactory = (sources: StoreSource[], options?: { timeoutMs?: number }) => Promise<GraphStore>;

const EX = 'http://example.org/';
const G1 = `${EX}g/one`;
const G2 = `${EX}g/two`;
const XSD = 'http://www.w3.org/2001/XMLSchema#';

/** One triple stated in two named graphs and in the default graph, one in a single graph,
 *  one only in the default graph. */
export const OVERLAP: StoreSource = {
  format: 'application/n-quads',
  data: [
    `<${EX}a> <${EX}p> "shared" <${G1}> .`,
    `<${EX}a> <${EX}p> "shared" <${G2}> .`,
    `<${EX}a> <${EX}p> "shared" .`,
    `<${EX}a> <${EX}p> "only one" <${G1}> .`,
    `<${EX}b> <${EX}p> "default only" .`,
  ].join('\n'),
};

/** Terms of every kind the service's data uses, in one graph, for the format cases. */
export const TERMS: StoreSource = {
  format: 'text/turtle',
  graph: `${EX}g/terms`,
  data: `@prefix ex: <${EX}> . @prefix xsd: <${XSD}> .
    ex:t1 ex:v "plain" . ex:t2 ex:v "bonjour"@fr . ex:t3 ex:v 42 . ex:t4 ex:v "2017-07-06"^^xsd:date .
    ex:t5 ex:v 0.5 . ex:t6 ex:v "x, \\"quoted\\"\\ttab" . ex:t7 ex:v ex:iri . ex:t8 ex:v "0.87"^^xsd:double .`,
};

const lines = (text: string) => text.split('\n').filter(Boolean).sort();

export function describeStoreContract(backend: string, factory: StoreFactory): void {
  describe(`the store contract on the ${backend} store`, () => {
    describe('the default graph is a set: the merge of every graph and its own statements', () => {
      let store: GraphStore;
      beforeAll(async () => (store = await factory([OVERLAP])));
      afterAll(() => store.close());

      it('gives a triple stated in three graphs once to a query without a dataset', async () => {
        const rows = await store.select(`SELECT ?o WHERE { <${EX}a> <${EX}p> ?o } ORDER BY ?o`);
        expect(rows.results.bindings.map((b) => b.o.value)).toEqual(['only one', 'shared']);
      });

      it('counts each triple once in aggregates and in joins', async () => {
        const rows = await store.select(`SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }`);
        expect(rows.results.bindings[0].n.value).toBe('3');
        const grouped = await store.select(`SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s <${EX}p> ?o } GROUP BY ?s ORDER BY ?s`);
        expect(grouped.results.bindings.map((b) => [b.s.value, b.n.value])).toEqual([
          [`${EX}a`, '2'],
          [`${EX}b`, '1'],
        ]);
        const joined = await store.select(`SELECT ?x WHERE { ?x <${EX}p> "shared" . ?x <${EX}p> "only one" }`);
        expect(joined.results.bindings).toHaveLength(1);
      });

      it('keeps each named graph itself, and does not list the default graph as one', async () => {
        const rows = await store.select(`SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g`);
        expect(rows.results.bindings.map((b) => [b.g.value, b.n.value])).toEqual([
          [G1, '2'],
          [G2, '1'],
        ]);
        await expect(store.graphs()).resolves.toEqual([G1, G2]);
      });

      it('counts stored quads in size() and dumps named graphs with the default graph’s own statements', async () => {
        await expect(store.size()).resolves.toBe(5);
        const quads = lines(await store.dump('application/n-quads'));
        expect(quads).toEqual(lines(OVERLAP.data!));
      });

      it('serves the merge as the default graph of the Graph Store Protocol (dump of null)', async () => {
        expect(lines(await store.dump('application/n-triples', null))).toEqual([
          `<${EX}a> <${EX}p> "only one" .`,
          `<${EX}a> <${EX}p> "shared" .`,
          `<${EX}b> <${EX}p> "default only" .`,
        ]);
      });

      it('matches an update’s WHERE against the merge and writes templates without GRAPH to the default graph', async () => {
        await store.update(`INSERT { ?s <${EX}seen> true } WHERE { ?s <${EX}p> "only one" }`);
        const own = lines(await store.dump('application/n-quads')).filter((l) => l.includes('seen'));
        expect(own).toEqual([`<${EX}a> <${EX}seen> "true"^^<${XSD}boolean> .`]);
      });

      it('deletes without GRAPH from the default graph’s own statements only', async () => {
        await store.update(`DELETE WHERE { <${EX}a> <${EX}p> "shared" }`);
        const rows = await store.select(`SELECT ?g WHERE { GRAPH ?g { <${EX}a> <${EX}p> "shared" } } ORDER BY ?g`);
        expect(rows.results.bindings.map((b) => b.g.value)).toEqual([G1, G2]);
        await expect(store.ask(`ASK { <${EX}a> <${EX}p> "shared" }`)).resolves.toBe(true);
        await expect(store.size()).resolves.toBe(5); // one removed from the default graph, one "seen" added
      });

      it('lets FROM and FROM NAMED choose the dataset', async () => {
        const rows = await store.select(`SELECT ?o FROM <${G2}> WHERE { ?s ?p ?o }`);
        expect(rows.results.bindings.map((b) => b.o.value)).toEqual(['shared']);
        const named = await store.select(`SELECT ?g FROM NAMED <${G1}> WHERE { GRAPH ?g { } }`);
        expect(named.results.bindings.map((b) => b.g.value)).toEqual([G1]);
      });

      it('lets the protocol dataset choose it too', async () => {
        const rows = await store.select(`SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o`, { defaultGraphs: [G1] });
        expect(rows.results.bindings.map((b) => b.o.value)).toEqual(['only one', 'shared']);
      });
    });

    describe('results in the formats the W3C fixes, byte for byte', () => {
      let store: GraphStore;
      beforeAll(async () => (store = await factory([TERMS])));
      afterAll(() => store.close());
      const query = `SELECT ?t ?v WHERE { ?t <${EX}v> ?v } ORDER BY ?t`;

      it('writes CSV as SPARQL 1.1 CSV: lexical values, quoted when needed, CRLF', async () => {
        const { body, mediaType } = await store.query(query, { resultsFormat: 'text/csv' });
        expect(mediaType).toBe('text/csv');
        expect(body).toBe(
          't,v\r\n' +
            `${EX}t1,plain\r\n${EX}t2,bonjour\r\n${EX}t3,42\r\n${EX}t4,2017-07-06\r\n${EX}t5,0.5\r\n` +
            `${EX}t6,"x, ""quoted""\ttab"\r\n${EX}t7,${EX}iri\r\n${EX}t8,0.87\r\n`,
        );
      });

      it('writes TSV as SPARQL 1.1 TSV: terms in Turtle syntax, numbers bare', async () => {
        const { body } = await store.query(query, { resultsFormat: 'text/tab-separated-values' });
        expect(body).toBe(
          '?t\t?v\n' +
            `<${EX}t1>\t"plain"\n<${EX}t2>\t"bonjour"@fr\n<${EX}t3>\t42\n<${EX}t4>\t"2017-07-06"^^<${XSD}date>\n<${EX}t5>\t0.5\n` +
            `<${EX}t6>\t"x, \\"quoted\\"\\ttab"\n<${EX}t7>\t<${EX}iri>\n<${EX}t8>\t"0.87"^^<${XSD}double>\n`,
        );
      });

      it('writes JSON with typed literals as "literal" with a datatype, plain strings without one', async () => {
        const { body } = await store.query(`SELECT ?v WHERE { VALUES ?t { <${EX}t1> <${EX}t2> <${EX}t3> } ?t <${EX}v> ?v } ORDER BY ?t`);
        expect(body).toBe(
          '{"head":{"vars":["v"]},"results":{"bindings":[' +
            '{"v":{"type":"literal","value":"plain"}},' +
            '{"v":{"type":"literal","value":"bonjour","xml:lang":"fr"}},' +
            `{"v":{"type":"literal","value":"42","datatype":"${XSD}integer"}}]}}`,
        );
      });

      it('writes ASK in every results format', async () => {
        const ask = `ASK { <${EX}t3> <${EX}v> 42 }`;
        await expect(store.query(ask)).resolves.toMatchObject({ form: 'ASK', body: '{"head":{},"boolean":true}' });
        await expect(store.query(ask, { resultsFormat: 'text/csv' })).resolves.toMatchObject({ body: 'true' });
        await expect(store.query(ask, { resultsFormat: 'application/sparql-results+xml' })).resolves.toMatchObject({
          body: '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head></head><boolean>true</boolean></sparql>',
        });
      });

      it('orders the columns of SELECT * by name', async () => {
        const { body } = await store.query(`SELECT * WHERE { ?z <${EX}v> ?a } LIMIT 1`, { resultsFormat: 'text/csv' });
        expect(body.split('\r\n')[0]).toBe('a,z');
      });

      it('returns CONSTRUCT as the asked RDF format', async () => {
        const { body, form, mediaType } = await store.query(`CONSTRUCT WHERE { <${EX}t2> ?p ?o }`, { graphFormat: 'application/n-triples' });
        expect({ form, mediaType }).toEqual({ form: 'CONSTRUCT', mediaType: 'application/n-triples' });
        expect(body.trim()).toBe(`<${EX}t2> <${EX}v> "bonjour"@fr .`);
      });
    });

    describe('errors and revisions', () => {
      let store: GraphStore;
      beforeAll(async () => (store = await factory([OVERLAP], { timeoutMs: 1_000 })));
      afterAll(() => store.close());

      it('rejects malformed queries and updates with a QuerySyntaxError', async () => {
        await expect(store.query('SELECT * WHERE { ?s ?p }')).rejects.toThrow(QuerySyntaxError);
        await expect(store.update('INSERT DATA { <a:b> <a:c> }')).rejects.toThrow(QuerySyntaxError);
      });

      it('refuses SERVICE and LOAD: the store fetches nothing a client names', async () => {
        await expect(store.query(`SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }`)).rejects.toThrow(QueryEvaluationError);
        await expect(store.update(`LOAD <http://127.0.0.1:1/data.ttl>`)).rejects.toThrow(QueryEvaluationError);
      });

      it('rejects data that does not parse and writes none of it', async () => {
        const version = store.version();
        await expect(store.load(`<${EX}x> <${EX}p> "ok" .\n<${EX}x> <${EX}p> broken .`, 'application/n-triples', `${EX}g/bad`)).rejects.toThrow(RdfSyntaxError);
        await expect(store.hasGraph(`${EX}g/bad`)).resolves.toBe(false);
        // Nothing written: the version moves only by what the backend counts besides writes.
        expect(store.version() - version).toBeLessThanOrEqual(1);
        await expect(store.hasGraph(`${EX}g/bad`)).resolves.toBe(false);
      });

      it('changes version() on every accepted write', async () => {
        const seen = [store.version()];
        await store.update(`INSERT DATA { GRAPH <${EX}g/rev> { <${EX}r> <${EX}p> 1 } }`);
        seen.push(store.version());
        await store.load(`<${EX}r> <${EX}p> "2" .`, 'application/n-triples', `${EX}g/rev`);
        seen.push(store.version());
        await store.replace(`<${EX}r> <${EX}p> "3" .`, 'application/n-triples', `${EX}g/rev`);
        seen.push(store.version());
        await store.drop(`${EX}g/rev`);
        seen.push(store.version());
        for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
        await expect(store.hasGraph(`${EX}g/rev`)).resolves.toBe(false);
      });

      it('reports whether a load created its graph and replaces a graph whole', async () => {
        await expect(store.load(`<${EX}n> <${EX}p> 1 .`, 'text/turtle', `${EX}g/new`)).resolves.toEqual({ created: true });
        await expect(store.load(`<${EX}n> <${EX}p> 2 .`, 'text/turtle', `${EX}g/new`)).resolves.toEqual({ created: false });
        await store.replace(`<${EX}n> <${EX}p> 3 .`, 'text/turtle', `${EX}g/new`);
        const rows = await store.select(`SELECT ?o WHERE { GRAPH <${EX}g/new> { ?s ?p ?o } }`);
        expect(rows.results.bindings.map((b) => b.o.value)).toEqual(['3']);
        await expect(store.drop(`${EX}g/never`)).resolves.toBe(false);
      });

      it('ends a query past its time budget with a QueryTimeoutError', async () => {
        await store.load(
          Array.from({ length: 1500 }, (_, i) => `<${EX}i${i}> <${EX}n> "${i}"^^<${XSD}integer> .`).join('\n'),
          'application/n-triples',
          `${EX}g/many`,
        );
        const started = Date.now();
        await expect(
          store.query(`SELECT (COUNT(*) AS ?c) WHERE { ?a <${EX}n> ?x . ?b <${EX}n> ?y . ?c2 <${EX}n> ?z FILTER(?x + ?y + ?z > -1) }`, { timeoutMs: 300 }),
        ).rejects.toThrow(QueryTimeoutError);
        expect(Date.now() - started).toBeLessThan(10_000);
      });

      it('refuses work once closed', async () => {
        const other = await factory([]);
        await other.close();
        await expect(other.query('ASK {}')).rejects.toThrow(StoreClosedError);
      });
    });
  });
}

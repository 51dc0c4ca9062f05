import { TEST_BACKEND } from '../../storeUnderTest';
import type { GraphStore, SparqlJsonResults } from '../../../src/graph';
import { selectAsTsv, term } from '../../../src/graphql/rdf/tsvResults';
import { NS } from '../../../src/vocab';
import { seedStore } from '../seedStore';

/** SELECT results read from TSV are the terms the JSON results give. */

const rows = (results: SparqlJsonResults): string[] =>
  results.results.bindings
    .map((row) =>
      JSON.stringify(
        Object.keys(row)
          .sort()
          .map((name) => [name, row[name].type, row[name].value, row[name]['xml:lang'] ?? null, row[name].datatype ?? null]),
      ),
    )
    .sort();

describe('tsvResults', () => {
  let store: GraphStore;

  beforeAll(async () => {
    store = await seedStore();
  });
  afterAll(() => store.close());

  test('reads every triple of the seed as the JSON results give it', async () => {
    const query = 'SELECT ?s ?p ?o WHERE { ?s ?p ?o }';
    const [fromTsv, fromJson] = [await selectAsTsv(store, query), await store.select(query)];
    expect(fromTsv.results.bindings.length).toBeGreaterThan(4000);
    expect(rows(fromTsv)).toEqual(rows(fromJson));
  });

  // Virtuoso 7.2 does not implement BNODE().
  (TEST_BACKEND === 'virtuoso' ? test.skip : test)('reads escapes, language tags, numbers, booleans, blank nodes and unbound variables', async () => {
    const query = `SELECT * WHERE {
      VALUES ?n { 1 }
      BIND("tab\\tquote\\"backslash\\\\ newline\\n é"@en-GB AS ?text) BIND(-7 AS ?integer) BIND(2.5 AS ?decimal) BIND(1e3 AS ?double)
      BIND(true AS ?boolean) BIND(BNODE() AS ?blank) BIND("x"^^<https://example.org/dt> AS ?typed) BIND("plain" AS ?plain)
      OPTIONAL { ?n ?unbound ?nothing } }`;
    const [fromTsv, fromJson] = [await selectAsTsv(store, query), await store.select(query)];
    const [row] = fromTsv.results.bindings;
    expect(row.text).toEqual({ type: 'literal', value: 'tab\tquote"backslash\\ newline\n é', 'xml:lang': 'en-gb' });
    expect(row.integer).toEqual({ type: 'literal', value: '-7', datatype: `${NS.xsd}integer` });
    expect(row.plain).toEqual({ type: 'literal', value: 'plain' });
    expect(row.blank.type).toBe('bnode');
    expect(row.unbound).toBeUndefined();
    // Blank node labels differ between two runs of a query; everything else is the same.
    const withoutBlank = (results: SparqlJsonResults) =>
      rows({ ...results, results: { bindings: results.results.bindings.map(({ blank: _blank, ...rest }) => rest) } });
    expect(withoutBlank(fromTsv)).toEqual(withoutBlank(fromJson));
  });

  test('reads \\u escapes', () => {
    expect(term('"caf\\u00E9 \\U0001F600"')).toEqual({ type: 'literal', value: 'café 😀' });
  });
});

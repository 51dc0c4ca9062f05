import type * as RDF from '@rdfjs/types';
import { DataFactory, Store } from 'n3';
import type { SparqlJsonResults } from '../../src/graph';
import { createIriScheme, DEFAULT_BASE, NS } from '../../src/vocab';
import { loadComunica } from './loadComunica';
import { startSeedEndpoint, type ReceivedRequest, type SeedEndpoint } from './seedEndpoint';

/** Comunica (npm @comunica/query-sparql), a real federating engine, uses the service as a
 *  SERVICE target and as a SPARQL source, over the seed resolution E/RES/2017/18. Each
 *  answer is compared with the same pattern evaluated by the store directly, and the
 *  requests the service received are inspected at the server. */

const QueryEngine = loadComunica();
const iris = createIriScheme(DEFAULT_BASE);
const RESOLUTION = iris.document('E/RES/2017/18');
const CITED = 'A/RES/64/293';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const PREFIXES = `PREFIX eli: <${NS.eli}>\nPREFIX schema: <${NS.schema}>\nPREFIX ex: <http://example.org/watchlist#>\n`;

/** Comunica's bind join over a source that accepts VALUES sends the bindings of the other
 *  side in blocks of this size (blockSize of its inner-multi-bind-source join actor). */
const COMUNICA_BIND_JOIN_BLOCK_SIZE = 16;

let endpoint: SeedEndpoint;
const engine = new QueryEngine();

beforeAll(async () => {
  endpoint = await startSeedEndpoint();
});
afterAll(async () => endpoint?.close());

/** A term as a comparable string (N-Triples-like; plain literals are xsd:string). */
function key(term: RDF.Term | undefined): string {
  if (!term) return 'UNBOUND';
  if (term.termType === 'Literal') return `"${term.value}"${term.language ? `@${term.language}` : `^^<${term.datatype.value}>`}`;
  return term.termType === 'BlankNode' ? `_:${term.value}` : `<${term.value}>`;
}
function jsonKey(term: SparqlJsonResults['results']['bindings'][number][string] | undefined): string {
  if (!term) return 'UNBOUND';
  if (term.type === 'literal') return `"${term.value}"${term['xml:lang'] ? `@${term['xml:lang']}` : `^^<${term.datatype ?? XSD_STRING}>`}`;
  return term.type === 'bnode' ? `_:${term.value}` : `<${term.value}>`;
}

async function comunicaRows(query: string, variables: string[], sources: unknown[]): Promise<string[]> {
  const bindings = await (await engine.queryBindings(query, { sources } as never)).toArray();
  return bindings.map((row: RDF.Bindings) => variables.map((name) => key(row.get(name))).join(' ')).sort();
}

async function storeRows(query: string, variables: string[]): Promise<string[]> {
  const { results } = await endpoint.store.select(query);
  return results.bindings.map((row) => variables.map((name) => jsonKey(row[name])).join(' ')).sort();
}

/** The SPARQL queries the endpoint received while `run` ran. */
async function requestsDuring(run: () => Promise<unknown>): Promise<ReceivedRequest[]> {
  const before = endpoint.received.length;
  await run();
  return endpoint.received.slice(before);
}

/** A local dataset: watch-list entries naming documents by their UN symbol. */
function watchList(symbols: string[]): Store {
  return new Store(
    symbols.map((symbol, index) =>
      DataFactory.quad(
        DataFactory.namedNode(`http://example.org/watchlist/${index}`),
        DataFactory.namedNode('http://example.org/watchlist#symbol'),
        DataFactory.literal(symbol),
      ),
    ),
  );
}

describe('Comunica federating over the endpoint', () => {
  const citingParagraphs = `
    ?doc eli:id_local ?id .
    ?paragraph eli:cites ?doc ; schema:text ?text .
    FILTER(?id = "${CITED}")`;

  test('a SERVICE query returns paragraph IRIs and their French text as @fr literals, as the store answers it', async () => {
    const variables = ['paragraph', 'text'];
    const federated = await comunicaRows(`${PREFIXES}SELECT DISTINCT ?paragraph ?text WHERE { SERVICE <${endpoint.url}> { ${citingParagraphs} } }`, variables, [
      watchList([]),
    ]);
    const direct = await storeRows(`${PREFIXES}SELECT DISTINCT ?paragraph ?text WHERE { ${citingParagraphs} }`, variables);

    expect(federated).toEqual(direct);
    // Preambular paragraph 5 recalls resolution 64/293 (seed text: "Conscient de la portée du Plan d'action mondial ...").
    const paragraph5 = federated.find((row) => row.startsWith(`<${iris.preambular(RESOLUTION, 5)}> `));
    expect(paragraph5).toMatch(/^<[^>]+> "Conscient de la portée du Plan d'action mondial .*"@fr$/);
    expect(federated.every((row) => row.endsWith('"@fr'))).toBe(true);
  });

  test('plain literals come back as plain xsd:string literals, without a language', async () => {
    const bindings = await (
      await engine.queryBindings(`${PREFIXES}SELECT DISTINCT ?doc ?id WHERE { SERVICE <${endpoint.url}> { ?doc eli:id_local ?id FILTER(?id = "${CITED}") } }`, {
        sources: [watchList([])],
      } as never)
    ).toArray();

    expect(bindings).toHaveLength(1);
    const id = bindings[0].get('id') as RDF.Literal;
    expect({ termType: id.termType, value: id.value, language: id.language, datatype: id.datatype.value }).toEqual({
      termType: 'Literal',
      value: CITED,
      language: '',
      datatype: XSD_STRING,
    });
    expect(key(bindings[0].get('doc'))).toBe(`<${iris.document(CITED)}>`);
  });

  test('a bind join pushes every local binding to the endpoint once, one request per block of bindings', async () => {
    const unknown = Array.from({ length: 18 }, (_, index) => `A/RES/99/${index + 1}`);
    const symbols = [CITED, 'A/RES/70/1', ...unknown];
    const variables = ['symbol', 'doc'];
    let federated: string[] = [];
    const received = await requestsDuring(async () => {
      federated = await comunicaRows(
        `${PREFIXES}SELECT DISTINCT ?symbol ?doc WHERE { ?entry ex:symbol ?symbol . SERVICE <${endpoint.url}> { ?doc eli:id_local ?symbol } }`,
        variables,
        [watchList(symbols)],
      );
    });
    const values = `VALUES ?symbol { ${symbols.map((symbol) => JSON.stringify(symbol)).join(' ')} }`;
    const direct = await storeRows(`${PREFIXES}SELECT DISTINCT ?symbol ?doc WHERE { ${values} ?doc eli:id_local ?symbol }`, variables);

    expect(federated).toEqual(direct);
    expect(federated).toEqual([`"${CITED}"^^<${XSD_STRING}> <${iris.document(CITED)}>`, `"A/RES/70/1"^^<${XSD_STRING}> <${iris.document('A/RES/70/1')}>`]);
    const joins = received.filter((request) => request.query?.includes('VALUES'));
    expect(joins).toHaveLength(Math.ceil(symbols.length / COMUNICA_BIND_JOIN_BLOCK_SIZE));
    const pushed = joins.flatMap((request) => [...(request.query ?? '').matchAll(/"(A\/RES\/[^"]+)"/g)].map((match) => match[1]));
    expect(pushed.sort()).toEqual([...symbols].sort());
  });

  test('as a SPARQL source, the endpoint answers the cardinality probes and the join that Comunica plans from them', async () => {
    const variables = ['paragraph', 'doc'];
    let federated: string[] = [];
    const received = await requestsDuring(async () => {
      federated = await comunicaRows(
        `${PREFIXES}SELECT DISTINCT ?paragraph ?doc WHERE { ?entry ex:symbol ?symbol . ?doc eli:id_local ?symbol . ?paragraph eli:cites ?doc }`,
        variables,
        [watchList([CITED]), { type: 'sparql', value: endpoint.url }],
      );
    });
    const direct = await storeRows(`${PREFIXES}SELECT DISTINCT ?paragraph ?doc WHERE { ?doc eli:id_local "${CITED}" . ?paragraph eli:cites ?doc }`, variables);

    expect(federated).toEqual(direct);
    expect(federated).toContain(`<${iris.preambular(RESOLUTION, 5)}> <${iris.document(CITED)}>`);
    // Source identification reads the service description, then COUNT probes size the patterns.
    expect(received[0]).toMatchObject({ method: 'GET', url: '/sparql' });
    expect(received.some((request) => /COUNT\(\s*\*\s*\)/.test(request.query ?? ''))).toBe(true);
  });
});

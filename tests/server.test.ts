import { join } from 'node:path';
import { loadConfig } from '../src/config';
import type { SparqlJsonResults } from '../src/graph';
import { startServer, type RunningServer } from '../src/server';
import { EX, form, SPARQL_FIXTURES } from './helpers';

const BASE = 'https://kg.example.org/';

describe('the server, listening on a real socket', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(
      loadConfig({
        UNKG_PORT: '0',
        UNKG_BASE: BASE,
        UNKG_WORKERS: '1',
        UNKG_JOURNAL: 'none',
        UNKG_LOG_LEVEL: 'silent',
        UNKG_GRAPH_DIR: join(SPARQL_FIXTURES, 'graph'),
        UNKG_ONTOLOGY_DIR: join(SPARQL_FIXTURES, 'ontology'),
        UNKG_REFERENCE_DIR: join(SPARQL_FIXTURES, 'reference'),
      }),
    );
  });
  afterAll(() => server.close());

  const select = async (query: string) => {
    const response = await fetch(`${server.url}sparql?${form(['query', query])}`, { headers: { accept: 'application/sparql-results+json' } });
    return { status: response.status, json: (await response.json()) as SparqlJsonResults };
  };

  it('listens on the loopback interface', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('loads the graphs, the ontology and the reference data into their named graphs', async () => {
    const { json } = await select('SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g');
    expect(json.results.bindings.map((row) => [row.g.value, row.n.value])).toEqual([
      ['https://kg.example.org/graph/reference', '4'],
      ['https://w3id.org/unkg/eli/un/E/RES/2017/18', '4'],
      ['https://w3id.org/unkg/ontology', '4'],
    ]);
  });

  it('moves reference data to the configured base, except the ontology and clause namespaces', async () => {
    const { json } = await select(`SELECT ?p ?o WHERE { GRAPH <${BASE}graph/reference> { <${BASE}org/unodc> ?p ?o } FILTER(isIRI(?o)) } ORDER BY ?p`);
    expect(json.results.bindings.map((row) => row.o.value)).toEqual([
      'http://www.w3.org/ns/org#FormalOrganization', // rdf:type
      'https://w3id.org/unkg/clause/urges', // skos:related
    ]);
  });

  it('accepts a 64 KiB query in a GET URL', async () => {
    const values = Array.from({ length: 1600 }, (_, i) => `<${EX}resource/${String(i).padStart(20, '0')}>`);
    const query = `SELECT (COUNT(*) AS ?n) WHERE { VALUES ?x { ${values.join(' ')} } }`;
    expect(query.length).toBeGreaterThan(64 * 1024);
    const { status, json } = await select(query);
    expect(status).toBe(200);
    expect(json.results.bindings[0].n.value).toBe('1600');
  });

  it('serves its service description with the address it listens on', async () => {
    const response = await fetch(`${server.url}sparql`);
    expect(response.headers.get('content-type')).toBe('text/turtle; charset=utf-8');
    expect(await response.text()).toContain(`sd:endpoint <${server.url}sparql>`);
  });
});

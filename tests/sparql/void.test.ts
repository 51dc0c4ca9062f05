import { join } from 'node:path';
import * as oxigraph from 'oxigraph';
import { buildTestApp, column, EX, form, LIBRARY, PUBLIC_URL, SPARQL_FIXTURES, WRITE_TOKEN, type TestApp } from '../helpers';
import { NS } from '../../src/vocab';

const RESOLUTION = { path: join(SPARQL_FIXTURES, 'graph', 'E-RES-2017-18.nq'), format: 'application/n-quads' as const };
const DATASET = `${PUBLIC_URL}.well-known/void#dataset`;

function selectIn(document: string, query: string, format = 'text/turtle'): string {
  const store = new oxigraph.Store();
  store.load(document, { format });
  return store.query(`PREFIX void: <http://rdfs.org/ns/void#> ${query}`, { results_format: 'json' }) as string;
}

describe('the VoID description at /.well-known/void', () => {
  let t: TestApp;
  let turtle: string;
  beforeAll(async () => {
    t = await buildTestApp({ sources: [LIBRARY, RESOLUTION], env: { UNKG_PUBLIC_URL: PUBLIC_URL, UNKG_WRITE_TOKEN: WRITE_TOKEN } });
    turtle = (await t.app.inject('/.well-known/void')).body;
  });
  afterAll(() => t.close());

  const sparql = async (query: string, variable = 'n') => column((await t.app.inject(`/sparql?${form(['query', query])}`)).body, variable);
  const described = (query: string, variable = 'x') => column(selectIn(turtle, query), variable);

  it('describes the dataset with its access points and IRI space', () => {
    const [row] = JSON.parse(selectIn(turtle, 'SELECT * { ?d a void:Dataset ; void:sparqlEndpoint ?endpoint ; void:uriSpace ?space ; void:dataDump ?dump }'))
      .results.bindings;
    expect(row.d.value).toBe(DATASET);
    expect(row.endpoint.value).toBe(`${PUBLIC_URL}sparql`);
    expect(row.space.value).toBe('https://w3id.org/unkg/');
    expect(row.dump.value).toBe(`${PUBLIC_URL}store`);
  });

  it('counts triples and distinct subjects as COUNT queries do', async () => {
    expect(described(`SELECT ?x { <${DATASET}> void:triples ?x }`)).toEqual(await sparql('SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }'));
    expect(described(`SELECT ?x { <${DATASET}> void:distinctSubjects ?x }`)).toEqual(await sparql('SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }'));
  });

  it('partitions by class with the entities of each, as COUNT queries do', async () => {
    const partitions = selectIn(turtle, `SELECT ?c ?n { <${DATASET}> void:classPartition [ void:class ?c ; void:entities ?n ] } ORDER BY ?c`);
    const counted = (await t.app.inject(`/sparql?${form(['query', 'SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c } GROUP BY ?c ORDER BY ?c'])}`)).body;
    expect(column(partitions, 'c')).toEqual(column(counted, 'c'));
    expect(column(partitions, 'n')).toEqual(column(counted, 'n'));
    expect(column(partitions, 'c')).toContain(`${EX}Book`);
  });

  it('partitions by property with the triples of each, as COUNT queries do', async () => {
    const partitions = selectIn(turtle, `SELECT ?p ?n { <${DATASET}> void:propertyPartition [ void:property ?p ; void:triples ?n ] } ORDER BY ?p`);
    const counted = (
      await t.app.inject(`/sparql?${form(['query', 'SELECT ?p (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } } GROUP BY ?p ORDER BY ?p'])}`)
    ).body;
    expect(column(partitions, 'p')).toEqual(column(counted, 'p'));
    expect(column(partitions, 'n')).toEqual(column(counted, 'n'));
  });

  it('describes the citations of UN SDG targets as a linkset', async () => {
    const [row] = JSON.parse(
      selectIn(
        turtle,
        `SELECT * { ?l a void:Linkset ; void:linkPredicate ?p ; void:triples ?n ; void:subjectsTarget <${DATASET}> ; void:objectsTarget ?sdg . ?sdg void:uriSpace ?space }`,
      ),
    ).results.bindings;
    expect(row.p.value).toBe(`${NS.eli}cites`);
    expect(row.space.value).toBe('http://metadata.un.org/sdg/');
    const counted = await sparql(
      `SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?o { ?s <${NS.eli}cites> ?o FILTER(STRSTARTS(STR(?o), "http://metadata.un.org/sdg/")) } }`,
    );
    expect([row.n.value]).toEqual(counted);
    expect(row.n.value).toBe('4'); // 5.2 twice and 16.2 in the library, 8.7 in the resolution
    expect(described(`SELECT ?x { <${PUBLIC_URL}.well-known/void#sdg-links> void:target ?x } ORDER BY ?x`)).toEqual([
      DATASET,
      `${PUBLIC_URL}.well-known/void#un-sdg`,
    ]);
  });

  it('names the vocabularies in use and example resources', () => {
    const vocabularies = described(`SELECT ?x { <${DATASET}> void:vocabulary ?x }`);
    expect(vocabularies).toEqual(expect.arrayContaining([NS.dcterms, NS.eli, NS.schema]));
    expect(vocabularies.every((namespace) => (Object.values(NS) as string[]).includes(namespace))).toBe(true);
    expect(described(`SELECT ?x { <${DATASET}> void:exampleResource ?x }`)).toEqual(['https://w3id.org/unkg/eli/un/E/RES/2017/18']);
  });

  it('is served as JSON-LD too', async () => {
    const response = await t.app.inject({ url: '/.well-known/void', headers: { accept: 'application/ld+json' } });
    expect(response.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(column(selectIn(response.body, `SELECT ?x { <${DATASET}> void:triples ?x }`, 'application/ld+json'), 'x')).toEqual(
      described(`SELECT ?x { <${DATASET}> void:triples ?x }`),
    );
  });

  it('is recomputed after a write', async () => {
    const before = Number(described(`SELECT ?x { <${DATASET}> void:triples ?x }`)[0]);
    const put = await t.app.inject({
      method: 'PUT',
      url: `/store?${form(['graph', `${EX}graph/more`])}`,
      headers: { 'content-type': 'application/n-triples', authorization: `Bearer ${WRITE_TOKEN}` },
      payload: `<${EX}m1> <${EX}p> "1" .\n<${EX}m2> <${EX}p> "2" .\n`,
    });
    expect(put.statusCode).toBe(201);
    const after = (await t.app.inject('/.well-known/void')).body;
    expect(column(selectIn(after, `SELECT ?x { <${DATASET}> void:triples ?x }`), 'x')).toEqual([String(before + 2)]);
  });
});

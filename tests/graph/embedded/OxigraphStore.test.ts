import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, NonDeterministicUpdateError, QuerySyntaxError, RdfSyntaxError, type OxigraphStore } from '../../../src/graph';
import { BOOKS, column, EX, LIBRARY, PEOPLE } from '../../helpers';

/** Runs the same SELECT on every worker at once (two idle workers take one request each). */
async function onEveryWorker(store: OxigraphStore, sparql: string): Promise<string[][]> {
  const answers = await Promise.all([store.query(sparql), store.query(sparql)]);
  return answers.map((answer) => column(answer.body, Object.keys(JSON.parse(answer.body).results.bindings[0] ?? { x: 0 })[0]));
}

describe('OxigraphStore with two query workers', () => {
  let store: OxigraphStore;
  beforeAll(async () => {
    store = await createStore({ sources: [LIBRARY], workers: 2, timeoutMs: 10_000 });
  });
  afterAll(() => store.close());

  it('answers queries serialised by the engine, with the form it found', async () => {
    const result = await store.query(`SELECT ?n WHERE { <${EX}hugo> <http://xmlns.com/foaf/0.1/name> ?n }`, { resultsFormat: 'text/csv' });
    expect(result).toEqual({ form: 'SELECT', mediaType: 'text/csv', body: 'n\r\nVictor Hugo\r\n' });
    const graph = await store.query(`CONSTRUCT WHERE { <${EX}hugo> <http://xmlns.com/foaf/0.1/name> ?n }`, { graphFormat: 'application/n-triples' });
    expect(graph).toEqual({ form: 'CONSTRUCT', mediaType: 'application/n-triples', body: `<${EX}hugo> <http://xmlns.com/foaf/0.1/name> "Victor Hugo" .\n` });
  });

  it('offers parsed SELECT and ASK results to internal callers', async () => {
    const results = await store.select(`SELECT ?g WHERE { GRAPH ?g { <${EX}book1> a ?t } }`);
    expect(results.results.bindings).toEqual([{ g: { type: 'uri', value: BOOKS } }]);
    await expect(store.ask(`ASK { <${EX}orwell> ?p ?o }`)).resolves.toBe(true);
    await expect(store.ask(`ASK { <${EX}nobody> ?p ?o }`)).resolves.toBe(false);
  });

  it('lists graphs, checks one, counts quads and dumps', async () => {
    await expect(store.graphs()).resolves.toEqual([BOOKS, PEOPLE]);
    await expect(store.hasGraph(PEOPLE)).resolves.toBe(true);
    await expect(store.hasGraph(`${EX}graph/none`)).resolves.toBe(false);
    await expect(store.size()).resolves.toBe(18); // 1 default + 12 books + 5 people
    // The default graph is the merge: its own statement and every named graph's, each once.
    const merge = (await store.dump('application/n-triples', null)).split('\n').filter(Boolean);
    expect(merge).toContain(`<${EX}catalogue> <http://purl.org/dc/terms/title> "Catalogue" .`);
    expect(merge).toHaveLength(new Set(merge).size);
    expect(merge).toHaveLength(17); // 18 quads, one triple stated in two graphs
  });

  it('rejects a query with a syntax error', async () => {
    await expect(store.query('SELECT * WHERE { ?s ?p }')).rejects.toThrow(QuerySyntaxError);
  });

  it('applies an update on every worker and counts a new version', async () => {
    const version = store.version();
    await store.update(`INSERT DATA { GRAPH <${EX}graph/extra> { <${EX}book3> <http://purl.org/dc/terms/title> "Germinal" } }`);
    expect(store.version()).toBe(version + 1);
    expect(await onEveryWorker(store, `SELECT ?t WHERE { <${EX}book3> ?p ?t }`)).toEqual([['Germinal'], ['Germinal']]);
  });

  it('freezes NOW() so every worker stores the same instant', async () => {
    const before = Date.now();
    await store.update(`INSERT { GRAPH <${EX}graph/extra> { <${EX}log> <${EX}at> ?now } } WHERE { BIND(NOW() AS ?now) }`);
    const [first, second] = await onEveryWorker(store, `SELECT ?at WHERE { <${EX}log> <${EX}at> ?at }`);
    expect(first).toEqual(second);
    expect(Date.parse(first[0])).toBeGreaterThanOrEqual(before);
  });

  it('refuses updates whose replay would differ', async () => {
    await expect(store.update(`INSERT { <${EX}x> <${EX}id> ?id } WHERE { BIND(UUID() AS ?id) }`)).rejects.toThrow(NonDeterministicUpdateError);
  });

  it('leaves no trace, on any worker, of an update whose second operation fails', async () => {
    const version = store.version();
    await expect(store.update(`INSERT DATA { <${EX}half> <${EX}done> 1 } ; CREATE GRAPH <${BOOKS}>`)).rejects.toThrow(/already exists/);
    expect(store.version()).toBe(version);
    expect(await onEveryWorker(store, `SELECT (COUNT(*) AS ?n) WHERE { <${EX}half> ?p ?o }`)).toEqual([['0'], ['0']]);
  });

  it('applies the protocol dataset of an update (using-graph-uri)', async () => {
    await store.update(`INSERT { GRAPH <${EX}graph/persons> { ?s a <${EX}Person> } } WHERE { ?s a <http://xmlns.com/foaf/0.1/Person> }`, {
      usingGraphs: [PEOPLE],
    });
    const persons = await store.select(`SELECT ?s WHERE { GRAPH <${EX}graph/persons> { ?s a <${EX}Person> } } ORDER BY ?s`);
    expect(persons.results.bindings.map((row) => row.s.value)).toEqual([`${EX}hugo`, `${EX}orwell`]);
  });

  it('sees the merge of all graphs in an update WHERE clause without USING', async () => {
    await store.update(`INSERT { GRAPH <${EX}graph/found> { ?s a <${EX}Found> } } WHERE { ?s a <http://xmlns.com/foaf/0.1/Person> }`);
    const found = await store.select(`SELECT ?s WHERE { GRAPH <${EX}graph/found> { ?s a <${EX}Found> } } ORDER BY ?s`);
    expect(found.results.bindings.map((row) => row.s.value)).toEqual([`${EX}hugo`, `${EX}orwell`]);
  });

  it('loads, replaces and drops graphs, reporting creation', async () => {
    const graph = `${EX}graph/loaded`;
    await expect(store.load(`<${EX}a> <${EX}b> "one" .`, 'application/n-triples', graph)).resolves.toEqual({ created: true });
    await expect(store.load(`<${EX}a> <${EX}b> "two" .`, 'application/n-triples', graph)).resolves.toEqual({ created: false });
    await expect(store.replace(`<${EX}a> <${EX}b> "three" .`, 'text/turtle', graph)).resolves.toEqual({ created: false });
    expect(await onEveryWorker(store, `SELECT ?o WHERE { GRAPH <${graph}> { ?s ?p ?o } }`)).toEqual([['three'], ['three']]);
    await expect(store.replace('not turtle', 'text/turtle', graph)).rejects.toThrow(RdfSyntaxError);
    await expect(store.drop(graph)).resolves.toBe(true);
    await expect(store.drop(graph)).resolves.toBe(false);
    await expect(store.hasGraph(graph)).resolves.toBe(false);
  });
});

describe('OxigraphStore durability', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'unkg-store-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replays the acknowledged writes from the journal after a restart', async () => {
    const journalPath = join(dir, 'journal.jsonl');
    const first = await createStore({ sources: [LIBRARY], workers: 1, journalPath });
    await first.update(`DELETE DATA { GRAPH <${PEOPLE}> { <${EX}hugo> <http://xmlns.com/foaf/0.1/name> "Victor Hugo" } }`);
    await first.load(`<${EX}zola> <http://xmlns.com/foaf/0.1/name> "Émile Zola" .`, 'text/turtle', PEOPLE);
    await first.replace(`<${EX}s> <${EX}p> <${EX}o> .`, 'application/n-triples', null);
    await first.drop(BOOKS);
    await expect(first.update('INSERT DATA { oops')).rejects.toThrow(QuerySyntaxError);
    const expected = await first.dump('application/n-quads');
    await first.close();

    const second = await createStore({ sources: [LIBRARY], workers: 1, journalPath });
    const replayed = await second.dump('application/n-quads');
    await second.close();
    const lines = (text: string) => text.split('\n').filter(Boolean).sort();
    expect(lines(replayed)).toEqual(lines(expected));
    expect(replayed).toContain('"Émile Zola"');
    expect(replayed).not.toContain('Victor Hugo');
    expect(replayed).not.toContain(BOOKS);
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, type OxigraphStore } from '../../../src/graph';
import { EX, generatedTriples, waitFor } from '../../helpers';

const DATA = { data: generatedTriples(100), format: 'application/n-triples' as const };
const lines = (text: string) => text.split('\n').filter(Boolean).sort();

describe('journal compaction in the embedded store', () => {
  let dir: string;
  let journalPath: string;
  let store: OxigraphStore | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'unkg-compaction-'));
    journalPath = join(dir, 'journal.jsonl');
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('snapshots the dataset once the journal is long, and a restart gives back the same dataset', async () => {
    store = await createStore({ sources: [DATA], workers: 2, journalPath, compactEntries: 5 });
    await waitFor(() => store!.status().workers.total === 3 && store!.status().workers.loading === 0);
    await store.update(`CREATE GRAPH <${EX}empty>`);
    await store.load(`<${EX}a> <${EX}b> "in a graph" .`, 'text/turtle', `${EX}g`);
    for (let i = 0; i < 10; i++) await store.update(`INSERT DATA { <${EX}item/${i}> <${EX}note> "note ${i}" }`);
    await store.update(`DELETE DATA { <${EX}item/3> <${EX}value> 3 }`);
    await store.compact();
    const before = await store.dump('application/n-quads');
    const graphsBefore = await store.graphs();
    await store.close();

    const journal = readFileSync(journalPath, 'utf8').trimEnd().split('\n');
    expect(journal.length).toBeLessThan(5);
    expect(readdirSync(dir).filter((name) => name.endsWith('.nq'))).toHaveLength(1);

    store = await createStore({ sources: [DATA], workers: 1, spareWorkers: 0, journalPath });
    expect(lines(await store.dump('application/n-quads'))).toEqual(lines(before));
    expect(await store.graphs()).toEqual(graphsBefore);
    expect(graphsBefore).toContain(`${EX}empty`);
    expect(lines(before)).not.toContain(`<${EX}item/3> <${EX}value> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .`);
  });

  it('goes on answering and accepting writes while it compacts', async () => {
    store = await createStore({ sources: [DATA], workers: 1, spareWorkers: 1, journalPath, compactEntries: 0 });
    await waitFor(() => store!.status().workers.total === 2 && store!.status().workers.loading === 0);
    await store.update(`INSERT DATA { <${EX}x> <${EX}y> 1 }`);
    const compaction = store.compact();
    await store.update(`INSERT DATA { <${EX}x> <${EX}y> 2 }`);
    const { body } = await store.query(`SELECT ?o WHERE { <${EX}x> <${EX}y> ?o } ORDER BY ?o`);
    expect(JSON.parse(body).results.bindings.map((row: { o: { value: string } }) => row.o.value)).toEqual(['1', '2']);
    await compaction;
    await store.close();
    store = await createStore({ sources: [DATA], workers: 1, spareWorkers: 0, journalPath });
    const again = await store.query(`SELECT ?o WHERE { <${EX}x> <${EX}y> ?o } ORDER BY ?o`);
    expect(JSON.parse(again.body).results.bindings.map((row: { o: { value: string } }) => row.o.value)).toEqual(['1', '2']);
  });
});

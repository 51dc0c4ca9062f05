import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, QueryTimeoutError, type OxigraphStore } from '../../../src/graph';
import { EX, generatedTriples } from '../../helpers';

/** Writes whose data a file keeps (a built graph reloaded while the service runs): applied
 *  like any write, not journaled, and replayed from the file by a worker started later. */

const ENDLESS = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }';
const LARGE = `${EX}graph/large`;
const B = `${EX}graph/b`;
const C = `${EX}graph/c`;
const nq = (graph: string, value: string) => `<${EX}doc> <${EX}says> "${value}" <${graph}> .\n`;

describe('a write whose data a file keeps', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unkg-file-writes-'));
  const journal = join(dir, 'journal.jsonl');
  const fileB = join(dir, 'b.nq');
  const fileC = join(dir, 'c.nq');
  let store: OxigraphStore;

  beforeAll(async () => {
    writeFileSync(join(dir, 'large.nq'), generatedTriples(1500, LARGE));
    writeFileSync(fileB, nq(B, 'b, as loaded'));
    store = await createStore({
      sources: [join(dir, 'large.nq'), fileB].map((path) => ({ path, format: 'application/n-quads' as const })),
      workers: 1,
      timeoutMs: 500,
      journalPath: journal,
    });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const says = async (graph: string) =>
    (await store.select(`SELECT ?v WHERE { GRAPH <${graph}> { ?s <${EX}says> ?v } }`)).results.bindings.map((row) => row.v.value);

  it('is applied, and not written to the journal', async () => {
    writeFileSync(fileB, nq(B, 'b, rebuilt'));
    await store.replace(readFileSync(fileB, 'utf8'), 'application/n-quads', B, { source: fileB });
    writeFileSync(fileC, nq(C, 'c, new'));
    await store.replace(readFileSync(fileC, 'utf8'), 'application/n-quads', C, { source: fileC });
    expect(await says(B)).toEqual(['b, rebuilt']);
    expect(await says(C)).toEqual(['c, new']);
    expect(readFileSync(journal, 'utf8')).toBe('');
  });

  it('a dropped source is no longer loaded', async () => {
    rmSync(fileB);
    expect(await store.drop(B, { source: fileB })).toBe(true);
    expect(await says(B)).toEqual([]);
  });

  it('a worker started later reads the files as they are and ends in the same state', async () => {
    await expect(store.query(ENDLESS)).rejects.toThrow(QueryTimeoutError);
    const deadline = Date.now() + 10_000;
    while (store.stats().workers < 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.stats().workers).toBe(1);
    expect(await says(B)).toEqual([]);
    expect(await says(C)).toEqual(['c, new']);
    expect(await store.graphs()).toEqual([C, LARGE].sort());
  });
});

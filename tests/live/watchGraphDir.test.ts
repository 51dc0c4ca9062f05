import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, discoverSources, type OxigraphStore } from '../../src/graph';
import { Parser } from 'n3';
import { graphsOf, watchGraphDir, type GraphDirWatcher } from '../../src/live';
import { EX } from '../helpers';

/** The graph folder watcher on its own, over a real store: the cases a build does not make. */

const A = `${EX}graph/a`;
const B = `${EX}graph/b`;
const line = (graph: string, value: string) => `<${EX}doc> <${EX}says> "${value}" <${graph}> .\n`;

describe('watchGraphDir', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unkg-watch-'));
  const messages: string[] = [];
  const logger = { info: (m: string) => messages.push(`info: ${m}`), error: (m: string) => messages.push(`error: ${m}`) };
  let store: OxigraphStore;
  let watcher: GraphDirWatcher;

  beforeAll(async () => {
    writeFileSync(join(dir, 'both.nq'), line(A, 'a1') + line(B, 'b1'));
    watcher = await watchGraphDir({ dir, logger, debounceMs: 50 });
    const { sources } = discoverSources({ graphDir: dir, ontologyDir: join(dir, 'none'), referenceDir: join(dir, 'none'), base: EX });
    store = await createStore({ sources, workers: 1 });
    watcher.attach(store);
  });
  afterAll(async () => {
    await watcher.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const says = async (graph: string) =>
    (await store.select(`SELECT ?v WHERE { GRAPH <${graph}> { ?s <${EX}says> ?v } }`)).results.bindings.map((row) => row.v.value);
  /** Waits for the events of a change to arrive and be applied. */
  const applied = async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await watcher.settled();
  };

  it('replaces each graph of a file that holds several', async () => {
    writeFileSync(join(dir, 'both.nq'), line(A, 'a2') + line(B, 'b2'));
    await applied();
    expect([await says(A), await says(B)]).toEqual([['a2'], ['b2']]);
  });

  it('drops a graph the file no longer holds', async () => {
    writeFileSync(join(dir, 'both.nq'), line(A, 'a3'));
    await applied();
    expect([await says(A), await says(B)]).toEqual([['a3'], []]);
  });

  it('keeps the previous graph, and says so, when a file does not parse', async () => {
    const revision = store.version();
    writeFileSync(join(dir, 'both.nq'), `${line(A, 'a4')}<${EX}broken`);
    await applied();
    expect(await says(A)).toEqual(['a3']);
    expect(store.version()).toBe(revision);
    expect(messages.filter((m) => m.startsWith('error: Graph folder: both.nq could not be reloaded, the service keeps its previous graph'))).toHaveLength(1);
  });

  it('leaves the store alone when a file is rewritten with the same content', async () => {
    writeFileSync(join(dir, 'both.nq'), line(A, 'a3'));
    await applied();
    const revision = store.version();
    writeFileSync(join(dir, 'both.nq'), line(A, 'a3'));
    await applied();
    expect(store.version()).toBe(revision);
  });

  it("ignores files that are not graphs (the build's temporary files, Turtle copies)", async () => {
    const revision = store.version();
    writeFileSync(join(dir, 'both.nq.tmp-123'), line(A, 'half written'));
    writeFileSync(join(dir, 'both.ttl'), '# a Turtle copy\n');
    await applied();
    expect(store.version()).toBe(revision);
  });
});

describe('graphsOf', () => {
  const G = 'http://example.org/g';
  it.each([
    ['an IRI object, no graph', '<http://a> <http://p> <http://o> .'],
    ['an IRI object in a graph', `<http://a> <http://p> <http://o> <${G}> .`],
    ['a typed literal, no graph', '<http://a> <http://p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .'],
    ['a typed literal in a graph', `<http://a> <http://p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> <${G}> .`],
    ['a tagged literal with spaces and <brackets> in a graph', `<http://a> <http://p> "see <http://x> for > more"@fr-CA <${G}> .`],
    ['a plain literal, no graph', '<http://a> <http://p> "x y z" .'],
    ['blank nodes, no graph', '_:s <http://p> _:o .'],
  ])('reads the graph of %s as n3 does', (_what, line) => {
    const expected = new Set(
      new Parser({ format: 'N-Quads' }).parse(line).map((q) => (q.graph.termType === 'BlankNode' ? `_:${q.graph.value}` : q.graph.value)),
    );
    expect(graphsOf(`# a comment\n\n${line}\n`)).toEqual(expected);
  });

  it('names a blank-node graph by its label (n3 renames labels, so it is no referee here)', () => {
    expect(graphsOf('_:s <http://p> _:o _:g .\n')).toEqual(new Set(['_:g']));
  });
});

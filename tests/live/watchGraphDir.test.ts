import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, discoverSources, type OxigraphStore } from '../../src/graph';
import { watchGraphDir, type GraphDirWatcher } from '../../src/live';
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

  it('ignores files that are not graphs (the build\'s temporary files, Turtle copies)', async () => {
    const revision = store.version();
    writeFileSync(join(dir, 'both.nq.tmp-123'), line(A, 'half written'));
    writeFileSync(join(dir, 'both.ttl'), '# a Turtle copy\n');
    await applied();
    expect(store.version()).toBe(revision);
  });
});

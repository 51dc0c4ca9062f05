import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Parser, Writer } from 'n3';
import type { GraphStore } from '../graph';
import { WATCH_DEBOUNCE_MS } from './limits';

/** What the graph folder is watched for. */
const GRAPH_FILE = /\.nq$/;
const N_QUADS = 'application/n-quads';

export interface WatchLogger {
  info(message: string): void;
  error(message: string): void;
}

export interface GraphDirWatcher {
  /** The store to keep current. Changes seen before it is given are applied then: watching
   *  starts before the store reads the folder, so no build in between is missed. */
  attach(store: GraphStore): void;
  /** Resolves once the changes seen so far are applied (for tests and shutdown). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** One file's last applied state: its content hash and the graphs it held. */
interface Applied {
  sha256: string;
  graphs: Set<string>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** Graph key of the default graph, in maps keyed by graph IRI. */
const DEFAULT = '';

/** The graph names of an N-Quads text ('' for the default graph), read line by line without
 *  parsing the terms: a graph folder is scanned at every start, and a full parse costs about
 *  100 ms per resolution. The last term of a line is its graph when three terms precede it. */
export function graphsOf(text: string): Set<string> {
  const graphs = new Set<string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const body = line.replace(/\s*\.$/, '');
    const last = body.endsWith('>') ? body.lastIndexOf('<') : body.search(/_:\S+$/);
    if (last < 0) {
      graphs.add(DEFAULT);
      continue;
    }
    const rest = body.slice(0, last).trimEnd();
    // The last term is a literal's datatype, or follows a literal object, or follows two terms.
    const isGraph = !rest.endsWith('^^') && (/"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?$/.test(rest) || rest.split(/\s+/).length === 3);
    graphs.add(isGraph ? body.slice(last).replace(/^<|>$/g, '') : DEFAULT);
  }
  return graphs;
}

/** The file's quads, by graph (IRI; '' for the default graph), as N-Quads text. */
function quadsByGraph(text: string): Map<string, string> {
  const names = graphsOf(text);
  if (names.size === 0) return new Map();
  // One graph, as `unkg build` writes them: the file's own text (the store parses it).
  if (names.size <= 1) return new Map([[[...names][0] ?? DEFAULT, text]]);
  const quads = new Parser({ format: 'N-Quads' }).parse(text);
  const byGraph = new Map<string, string>();
  for (const graph of new Set(quads.map((q) => q.graph.value)))
    byGraph.set(graph, new Writer({ format: 'N-Quads' }).quadsToString(quads.filter((q) => q.graph.value === graph)));
  return byGraph;
}

/** Keeps the store's resolution graphs equal to the files of the graph folder (data/graph)
 *  while the service runs, so `unkg build` shows in the running service without a restart.
 *
 *  The folder is watched (fs.watch); a burst of events is gathered (WATCH_DEBOUNCE_MS), then
 *  each .nq file whose content changed has each of its graphs replaced through the store's
 *  write path (store.replace: one atomic write per graph, so a reader sees the old graph or
 *  the new one, never part of it); a graph a file no longer holds, or the graphs of a file
 *  that was removed, are dropped. The build writes each file to a temporary name and renames
 *  it into place, so a file is never read half-written. The file is the record of these
 *  writes (WriteOptions.source): they are not journaled, and at the next start the folder is
 *  loaded as it is.
 *
 *  Why watch rather than have `unkg build` publish through the Graph Store Protocol: every
 *  way the folder changes (a build, a git pull, graphs copied in) reaches the service; the
 *  command line needs neither the service's address nor a write token; and a published write
 *  would be journaled and replayed over newer files at the next start. */
export async function watchGraphDir(options: { dir: string; logger: WatchLogger; debounceMs?: number }): Promise<GraphDirWatcher> {
  const { dir, logger } = options;
  let store: GraphStore | undefined;
  const applied = new Map<string, Applied>();
  // What the store is about to load: the files as they are now (a change from here on is
  // an event, and reloading a file the store already read in its new state is harmless).
  for (const name of (await readdir(dir)).filter((f) => GRAPH_FILE.test(f))) {
    const text = await readFile(join(dir, name), 'utf8').catch(() => undefined);
    if (text !== undefined) applied.set(name, { sha256: sha256(text), graphs: graphsOf(text) });
  }

  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let work: Promise<void> = Promise.resolve();
  let closed = false;

  async function reload(store: GraphStore, name: string): Promise<void> {
    const path = join(dir, name);
    const before = applied.get(name);
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (text === undefined) {
      if (!before) return;
      for (const graph of before.graphs) await store.drop(graph === DEFAULT ? null : graph, { source: path });
      applied.delete(name);
      logger.info(`Graph folder: ${name} removed; dropped ${[...before.graphs].join(', ')}`);
      return;
    }
    const hash = sha256(text);
    if (before?.sha256 === hash) return;
    const started = Date.now();
    const byGraph = quadsByGraph(text);
    for (const [graph, data] of byGraph) await store.replace(data, N_QUADS, graph === DEFAULT ? null : graph, { source: path });
    for (const graph of before?.graphs ?? []) if (!byGraph.has(graph)) await store.drop(graph === DEFAULT ? null : graph, { source: path });
    applied.set(name, { sha256: hash, graphs: new Set(byGraph.keys()) });
    logger.info(`Graph folder: ${name} ${before ? 'changed' : 'added'}; ${[...byGraph.keys()].join(', ')} reloaded in ${Date.now() - started} ms`);
  }

  function flush(): void {
    timer = undefined;
    if (!store) return;
    const target = store;
    const names = [...pending].sort();
    pending.clear();
    work = work.then(async () => {
      for (const name of names) {
        if (closed) return;
        try {
          await reload(target, name);
        } catch (error) {
          // The store keeps the graph it had; the next change of the file tries again.
          logger.error(`Graph folder: ${name} could not be reloaded, the service keeps its previous graph: ${(error as Error).message}`);
        }
      }
    });
  }

  const watcher: FSWatcher = watch(dir, { persistent: false }, (_event, filename) => {
    if (closed || !filename || !GRAPH_FILE.test(filename.toString())) return;
    pending.add(filename.toString());
    clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs ?? WATCH_DEBOUNCE_MS);
  });
  watcher.on('error', (error) => logger.error(`Graph folder: no longer watched: ${error.message}`));

  return {
    attach(target) {
      store = target;
      if (pending.size && timer === undefined) flush();
    },
    async settled() {
      while (timer !== undefined || (store && pending.size)) await new Promise((resolve) => setTimeout(resolve, 20));
      await work;
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      pending.clear();
      watcher.close();
      await work;
    },
  };
}
